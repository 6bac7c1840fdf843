/** Placeholder for the doors panel (engineer K replaces this file); renders nothing. */
export function DoorsPanel(_props: { siteId: number }) {
  return null;
}
