import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/store/database.ts';
import { elapsedMs, type BenchResult } from './stats.ts';

const ROWS = 100_000;
const BATCH = 1_000;

/**
 * 100,000 event rows through the store's write path (WAL, synchronous=NORMAL, foreign keys on),
 * in transactions of 1,000 as a poller or push receiver would write them. The real `events` table
 * arrives with the live-events work; until then the rows go to a table of the same shape here:
 * a dedupe key per source, times, kind, door and person, and the vendor's JSON.
 */
export default function run(): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-'));
  try {
    const { db } = openStore(join(dir, 'doorman.db'));
    db.exec(`CREATE TABLE bench_events (
      id INTEGER PRIMARY KEY,
      site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      event_key TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      kind TEXT NOT NULL,
      door TEXT,
      person TEXT,
      payload TEXT NOT NULL,
      UNIQUE (source, event_key)
    ) STRICT`);
    const siteId = Number(db.prepare("INSERT INTO sites (name, name_key, created_at, updated_at) VALUES ('Bench', 'bench', '', '') RETURNING id").pluck().get());
    const insert = db.prepare(
      'INSERT OR IGNORE INTO bench_events (site_id, source, event_key, occurred_at, received_at, kind, door, person, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const writeBatch = db.transaction((from: number) => {
      for (let i = from; i < from + BATCH; i++) {
        const at = new Date(1_790_000_000_000 + i * 1000).toISOString();
        const payload = JSON.stringify({ eventName: 'Normal Verify Open', pin: `P${i % 5000}`, readerName: 'Gate-1-In', id: randomUUID() });
        insert.run(siteId, 'zkbio:1', `tx-${i}`, at, at, 'pass', `door-${i % 12}`, `P${i % 5000}`, payload);
      }
    });
    const start = process.hrtime.bigint();
    for (let from = 0; from < ROWS; from += BATCH) writeBatch(from);
    const ms = elapsedMs(start);
    const count = db.prepare('SELECT count(*) FROM bench_events').pluck().get();
    db.close();
    return {
      name: 'store.events.insert',
      rows: count,
      batch: BATCH,
      totalMs: Math.round(ms * 10) / 10,
      rowsPerSecond: Math.round((ROWS / ms) * 1000),
      usPerRow: Math.round((ms / ROWS) * 1000 * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
