/** One vendor event name in every spelling the vendor uses, and Doorman's words for it. */
export interface EventNameEntry {
  readonly names: readonly string[];
  readonly en: string;
  readonly 'zh-CN': string;
}

/** A vendor's event names (one table per vendor, beside this file). */
export type EventNameTable = readonly EventNameEntry[];
