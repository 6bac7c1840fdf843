/** Summary of a list of timings in milliseconds. */
export function summarize(samples: readonly number[]): { runs: number; minMs: number; p50Ms: number; p95Ms: number; maxMs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { runs: sorted.length, minMs: round(sorted[0] ?? Number.NaN), p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? Number.NaN) };
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** What a benchmark file's default export returns: one or more JSON-ready results. */
export interface BenchResult {
  readonly name: string;
  readonly [key: string]: unknown;
}
