/**
 * The 18-character Chinese resident identity number (GB 11643-1999): 6-digit region code, 8-digit
 * birth date, 3-digit sequence, and a check character from ISO 7064 MOD 11-2 over the first 17.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'checksum';

/** The check character the first 17 digits call for. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** What is wrong with an ID number, or null when it is valid (a lower-case x is accepted). */
export function idNumberProblem(value: string): IdNumberProblem | null {
  const id = value.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || date.getTime() > Date.now()) return 'birth_date';
  return idCheckCharacter(id.slice(0, 17)) === id[17] ? null : 'checksum';
}
