import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessEvent } from '../../shared/contract/backends.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { openStore } from '../../electron/store/database.ts';
import { EventsTable } from '../../electron/store/events-table.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import { elapsedMs, type BenchResult } from './stats.ts';

const ROWS = 100_000;
const BATCH = 1_000;

/**
 * 100,000 access events through EventsTable into the real `events` table (WAL, synchronous=NORMAL,
 * the dedupe key and both indexes), 1,000 per transaction as a receiver or poller writes them.
 */
export default function run(): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-'));
  try {
    const { db } = openStore(join(dir, 'doorman.db'));
    const now = new Date().toISOString();
    const site = new SitesTable(db).insert('Bench', now);
    const backend = new BackendsTable(db).insert(
      { siteId: site.id, vendor: 'zkbio', name: 'bench', baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['token'] },
      now,
    ).backend;
    const events = new EventsTable(db);
    const batch = (from: number): IncomingEvent[] =>
      Array.from({ length: BATCH }, (_, k) => {
        const i = from + k;
        const event: AccessEvent = {
          eventId: `zk:${i.toString(16).padStart(32, '0')}`,
          occurredAt: new Date(1_790_000_000_000 + i * 1000).toISOString(),
          kind: 'pass',
          doorId: `door-${i % 12}`,
          doorName: `Gate ${i % 12}`,
          deviceSerial: 'DMS4200960001',
          readerName: 'Gate-1-In',
          personPin: `P${i % 5000}`,
          personName: `Worker ${i % 5000}`,
          verifyMode: 'Face',
          description: 'Normal Verify Open',
          photoUrl: null,
        };
        return { event, raw: { eventTime: event.occurredAt, pin: event.personPin } };
      });
    let stored = 0;
    let ms = 0;
    for (let from = 0; from < ROWS; from += BATCH) {
      const rows = batch(from);
      const start = process.hrtime.bigint();
      stored += events.add(backend.id, 'poll', rows).added.length;
      ms += elapsedMs(start);
    }
    // The same events again: all recognised as duplicates.
    const again = events.add(backend.id, 'push', batch(0)).added.length;
    db.close();
    return {
      name: 'store.events.insert',
      rows: stored,
      batch: BATCH,
      totalMs: Math.round(ms * 10) / 10,
      rowsPerSecond: Math.round((ROWS / ms) * 1000),
      usPerRow: Math.round((ms / ROWS) * 1000 * 100) / 100,
      duplicatesStored: again,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
