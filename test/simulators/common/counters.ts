/** Requests received per endpoint id (unknown paths count under UNMATCHED), for tests that assert polling limits. */
export const UNMATCHED = '(unmatched)';

export class RequestCounters {
  private readonly counts = new Map<string, number>();

  bump(id: string): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  get(id: string): number {
    return this.counts.get(id) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
