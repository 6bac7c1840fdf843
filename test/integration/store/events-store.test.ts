import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { openStore } from '../../../electron/store/database.ts';
import { EventsTable } from '../../../electron/store/events-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function event(eventId: string, occurredAt: string): AccessEvent {
  return {
    eventId, occurredAt, kind: 'pass', doorId: 'd1', doorName: 'Gate 1', deviceSerial: null, readerName: null,
    personPin: '1001', personName: 'Zhang San', verifyMode: 'Face', description: 'Normal Verify Open', photoUrl: null,
  };
}

describe('events store', () => {
  it('stores real times from every source and refuses the rest, whatever source they came from', () => {
    const { db } = openStore(join(tempDir(), 'doorman.db'));
    const now = new Date().toISOString();
    const site = new SitesTable(db).insert('S', now);
    const backendId = new BackendsTable(db).insert({ siteId: site.id, vendor: 'zkbio', name: 'z', baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, now).backend.id;
    const store = new EventsTable(db);
    const good = [
      event('zk:1', '2026-03-01 08:15:02'), // ZKBio's eventTime
      event('ht:2', '2021-05-24T14:13:10.298+08:00'), // Hongtu's passTime
      event('ht:3', new Date(1621836519111).toISOString()), // Hongtu's passTimestamp, as mapped
      event('zk:4', '1970-01-01 00:00:00'), // a device whose clock was never set: a real (if wrong) time
    ];
    const bad = [
      event('zk:5', 'not a time'),
      event('ht:6', new Date(-1_000_000_000_000_000).toISOString()), // year −29719
      event('zk:7', '2024-02-30 10:00:00'),
      event('zk:8', '2024-13-01 10:00:00'),
      event('zk:9', '2024-01-01 24:00:00'),
      event('zk:10', ''),
      event('ht:11', '+275760-09-13T00:00:00.000Z'),
      event('zk:12', '1969-12-31 23:59:59'),
      event('zk:13', `${new Date().getUTCFullYear() + 2}-01-01 00:00:00`),
      event('zk:14', '2024-01-01 10:00:00 and then some'),
      event('zk:15', '1'), // Date.parse('1') is a time in V8; not an event time
    ];
    for (const source of ['poll', 'monitor', 'push'] as const) {
      const { added, refused } = store.add(backendId, source, [...good, ...bad].map((e) => ({ event: { ...e, eventId: `${source}:${e.eventId}` } })));
      expect(added.map((e) => e.occurredAt), source).toEqual(good.map((e) => e.occurredAt));
      expect(refused.map((r) => r.occurredAt), source).toEqual(bad.map((e) => e.occurredAt));
    }
    const rows = db.prepare('SELECT occurred_at AS t FROM events').all() as { t: string }[];
    expect(rows).toHaveLength(good.length * 3);
    expect(new Set(rows.map((r) => r.t))).toEqual(new Set(good.map((e) => e.occurredAt)));
    db.close();
  });
});
