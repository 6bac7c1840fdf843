/** Exponential backoff with jitter: 1 s, 2 s, 4 s… up to `maxMs`, each ×(0.5…1.5) so clients spread out. */
export function backoffMs(attempts: number, random: () => number = Math.random, baseMs = 1_000, maxMs = 60_000): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random()));
}
