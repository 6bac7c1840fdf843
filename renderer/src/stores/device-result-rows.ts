import type { BackendId } from '../../../shared/contract/backends.ts';
import type { DeviceResult } from '../../../shared/contract/device-results.ts';
import type { OutboxEntry } from '../../../shared/contract/people.ts';

/** One device's result for a person, and whether it predates the person's latest send. */
export interface DeviceResultCell {
  readonly result: DeviceResult;
  /** Received before the latest send began: what the devices said about an earlier version. */
  readonly earlier: boolean;
}

/** A person on one backend, with what each device reported (the Sync page's per-device results). */
export interface DeviceResultRow {
  readonly backendId: BackendId;
  readonly pin: string;
  /** By device number. */
  readonly devices: readonly DeviceResultCell[];
  /** Sent (the latest write is done) to a backend that reports results, and none came since. */
  readonly waiting: boolean;
}

const keyOf = (backendId: BackendId, pin: string) => `${backendId}\u0000${pin}`;

/**
 * The per-device results of the site's people, one row per person and backend, newest write first:
 *  - results of people Doorman never sent (pin null: another tool's sync) are left out;
 *  - a person whose latest write on that backend is a delete has no row (the devices' results are moot);
 *  - a person whose latest upsert is done on a backend that `reports` results, with none received
 *    since that send began, is `waiting` (without the callback receiver, they never come);
 *  - results received before that send are kept, marked `earlier`.
 * `entries` are the site's outbox entries (any order), `results` the latest per person and device.
 */
export function deviceResultRows(entries: readonly OutboxEntry[], results: readonly DeviceResult[], reports: (backendId: BackendId) => boolean): DeviceResultRow[] {
  const latest = new Map<string, OutboxEntry>();
  for (const entry of entries) {
    const key = keyOf(entry.backendId, entry.pin);
    const seen = latest.get(key);
    if (!seen || entry.id > seen.id) latest.set(key, entry);
  }
  const byPerson = new Map<string, DeviceResult[]>();
  for (const result of results) {
    if (result.pin === null) continue;
    const key = keyOf(result.backendId, result.pin);
    byPerson.set(key, [...(byPerson.get(key) ?? []), result]);
  }

  const rows: { row: DeviceResultRow; order: number }[] = [];
  for (const key of new Set([...latest.keys(), ...byPerson.keys()])) {
    const entry = latest.get(key);
    if (entry?.action === 'delete') continue;
    const found = byPerson.get(key) ?? [];
    const sentAt = entry?.state === 'done' ? entry.lastTryAt : null;
    const devices = found
      .map((result) => ({ result, earlier: sentAt !== null && Date.parse(result.receivedAt) < Date.parse(sentAt) }))
      .sort((a, b) => a.result.deviceNo.localeCompare(b.result.deviceNo));
    const first = entry ?? found[0];
    if (!first) continue;
    const waiting = entry !== undefined && sentAt !== null && reports(entry.backendId) && devices.every((d) => d.earlier);
    if (devices.length === 0 && !waiting) continue;
    rows.push({ row: { backendId: first.backendId, pin: entry?.pin ?? found[0]?.pin ?? '', devices, waiting }, order: entry?.id ?? 0 });
  }
  return rows.sort((a, b) => b.order - a.order).map((r) => r.row);
}
