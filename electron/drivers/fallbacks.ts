/**
 * Where a vendor document is silent (or contradicts itself) and its digest names a fallback — the
 * document's literal URL when the normalised one is answered 404, the other body hash of a signed
 * GET when the first is refused — the driver tries the variants in order, and remembers per client
 * which one the server took, so later calls go straight to it (issue 11 item 18). Only the refusal
 * the digest names moves on to the next variant; any other error is the answer. When every variant
 * is refused, the first refusal is reported: it is the documented form's.
 */
export class Fallbacks {
  private readonly chosen = new Map<string, number>();
  private readonly enabled: boolean;

  /** `enabled: false` keeps to the first variant (the documented form) only. */
  constructor(enabled = true) {
    this.enabled = enabled;
  }

  async run<V, T>(key: string, variants: readonly V[], attempt: (variant: V) => Promise<T>, refused: (error: unknown) => boolean): Promise<T> {
    const count = this.enabled ? variants.length : Math.min(1, variants.length);
    const first = this.chosen.get(key) ?? 0;
    const order = [first, ...Array.from({ length: count }, (_, i) => i).filter((i) => i !== first)].filter((i) => i < count);
    let refusal: { readonly error: unknown } | null = null;
    for (const index of order) {
      try {
        const result = await attempt(variants[index] as V);
        if (this.enabled) this.chosen.set(key, index);
        return result;
      } catch (error) {
        if (!refused(error)) throw error;
        refusal ??= { error };
      }
    }
    throw refusal ? refusal.error : new Error(`no variant for ${key}`);
  }
}
