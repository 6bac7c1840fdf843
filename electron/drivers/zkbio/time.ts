/** ZKBio's date-time format, `yyyy-MM-dd HH:mm:ss`, in local time (§1.3). */
export function formatZkbioTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}
