import { HONGTU_EVENT_NAMES } from './hongtu.ts';
import { K30_EVENT_NAMES } from './k30.ts';
import type { EventNameEntry, EventNameTable } from './table.ts';
import { ZKBIO_EVENT_NAMES } from './zkbio.ts';

/** An event name in the UI language; `known` false: the vendor's own text, which no table has yet. */
interface EventNameText {
  readonly text: string;
  readonly known: boolean;
}

const key = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

function index(table: EventNameTable): ReadonlyMap<string, EventNameEntry> {
  return new Map(table.flatMap((entry) => entry.names.map((name) => [key(name), entry] as const)));
}

const TABLES: Readonly<Record<string, ReadonlyMap<string, EventNameEntry>>> = {
  zkbio: index(ZKBIO_EVENT_NAMES),
  hongtu: index(HONGTU_EVENT_NAMES),
  k30: index(K30_EVENT_NAMES),
};

/**
 * The vendor's event name (AccessEvent.description) in the UI language through that vendor's table;
 * a name the table lacks comes back as the vendor wrote it, with `known` false so screens mark it.
 */
export function eventNameText(vendor: string, name: string, lang: string): EventNameText {
  const entry = TABLES[vendor]?.get(key(name));
  if (!entry) return { text: name, known: false };
  return { text: lang.startsWith('zh') ? entry['zh-CN'] : entry.en, known: true };
}

/** The vendor an AccessEvent came from, by its id's prefix (zkbio/mapping.ts `zk:`, hongtu/mapping.ts `ht:`, k30/mapping.ts `k30:`). */
export function vendorOfEventId(eventId: string): string | null {
  return eventId.startsWith('zk:') ? 'zkbio' : eventId.startsWith('ht:') ? 'hongtu' : eventId.startsWith('k30:') ? 'k30' : null;
}
