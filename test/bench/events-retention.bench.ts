import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessEvent } from '../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { openStore } from '../../electron/store/database.ts';
import { EventsRetention } from '../../electron/store/events-retention.ts';
import { EventsTable } from '../../electron/store/events-table.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import { elapsedMs, summarize, type BenchResult } from './stats.ts';

const ROWS = Number(process.env['RETENTION_ROWS'] ?? 1_000_000);
const INSERT_BATCH = 5_000;
const PRUNE_BATCH = 500;
const PAGE = 100;
const DAY_MS = 24 * 3600_000;

/**
 * The guard-room store after years (issue 15 item 1): 1,000,000 events of two backends, one every
 * ~63 s over two years, three quarters older than the 180-day retention. Measured: opening the newest page
 * of the site (100 events, newest first) with all of them stored — goal < 1 s — then the retention
 * sweep deleting those in batches of 500, as the sweep does (the longest batch is the longest the store is
 * held: the stall a guard could feel), and the newest page again after.
 */
export default function run(): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-retention-'));
  try {
    const { db } = openStore(join(dir, 'doorman.db'));
    const now = Date.now();
    const iso = new Date(now).toISOString();
    const site = new SitesTable(db).insert('Bench', iso);
    const backends = [0, 1].map(
      (n) =>
        new BackendsTable(db).insert({ siteId: site.id, vendor: n === 0 ? 'zkbio' : 'hongtu', name: `bench ${n}`, baseUrl: `http://127.0.0.${n + 2}:1`, tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['token'] }, iso).backend.id,
    );
    const table = new EventsTable(db);
    const spanMs = 2 * 365 * DAY_MS;
    const stepMs = spanMs / ROWS;
    const insertStart = process.hrtime.bigint();
    for (let from = 0; from < ROWS; from += INSERT_BATCH) {
      const byBackend: IncomingEvent[][] = [[], []];
      for (let i = from; i < Math.min(ROWS, from + INSERT_BATCH); i++) {
        const event: AccessEvent = {
          eventId: `ev:${i}`,
          occurredAt: new Date(now - spanMs + i * stepMs).toISOString(),
          kind: 'pass',
          doorId: `door-${i % 24}`,
          doorName: `Gate ${i % 24}`,
          deviceSerial: 'DMS4200960001',
          readerName: 'Gate-1-In',
          personPin: String(1000 + (i % 5000)),
          personName: `Person ${i % 5000}`,
          verifyMode: 'Face',
          description: 'Normal Verify Open',
          photoUrl: null,
          result: 'passed',
          direction: 'in',
        };
        byBackend[i % 2]!.push({ event });
      }
      table.add(backends[0]!, 'poll', byBackend[0]!, new Date(now));
      table.add(backends[1]!, 'push', byBackend[1]!, new Date(now));
    }
    const insertMs = elapsedMs(insertStart);
    const retention = new EventsRetention(db);

    const newestPage = () => {
      const samples: number[] = [];
      for (let run = 0; run < 20; run++) {
        const start = process.hrtime.bigint();
        const page = retention.newest(backends, PAGE);
        samples.push(elapsedMs(start));
        if (page.length !== PAGE) throw new Error(`newest page has ${page.length} events`);
      }
      return summarize(samples);
    };
    const before = newestPage();

    const cutoff = new Date(now - 180 * DAY_MS);
    const batches: number[] = [];
    let deleted = 0;
    const pruneStart = process.hrtime.bigint();
    for (;;) {
      const start = process.hrtime.bigint();
      const n = retention.pruneBatch(cutoff, PRUNE_BATCH);
      batches.push(elapsedMs(start));
      deleted += n;
      if (n < PRUNE_BATCH) break;
    }
    const pruneMs = elapsedMs(pruneStart);
    const left = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const after = newestPage();
    db.close();
    return [
      { name: 'events.newestPage.1m', stored: ROWS, insertMs: Math.round(insertMs), pageSize: PAGE, ...before, goalMs: 1000, ok: before.p95Ms < 1000 },
      { name: 'events.retention.prune.1m', stored: ROWS, deleted, left, batchSize: PRUNE_BATCH, batches: batches.length, totalMs: Math.round(pruneMs), batchMs: summarize(batches), newestPageAfter: after },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
