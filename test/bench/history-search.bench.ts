import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { eventSearch } from '../../electron/store/migrations/017-event-search.ts';
import type { AccessEvent } from '../../shared/contract/backends.ts';
import type { MethodInput } from '../../shared/contract/index.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import { elapsedMs, summarize, type BenchResult } from './stats.ts';

const ROWS = 1_000_000;
const BATCH = 10_000;
const RUNS = 15;
/** A year of events: 2026, in Asia/Shanghai. */
const START = Date.parse('2026-01-01T00:00:00+08:00');
const SPAN_MS = 365 * 24 * 3600 * 1000;
const KINDS: AccessEvent['kind'][] = ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'denied', 'remote-open', 'alarm'];

/** The wall-clock time in Shanghai (UTC+8, no daylight saving) as ZKBio writes it. */
function shanghaiWall(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The history's searches over 1,000,000 stored events (issue 15 item 5): half from a backend that
 * writes zone-less local times (ZKBio), half with UTC instants (Hongtu), a year of a busy site;
 * each typical search (a day, a week by kind, a month by person or door, the third page, the day
 * view, an export page) timed RUNS times through the contract, as the UI calls it.
 */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-'));
  try {
    const core = createCore({ dataDir: dir, runtime: 'node' });
    // Migration 017 until the list of migrations holds 015 and 016 (it is written IF NOT EXISTS).
    eventSearch.up(core.db);
    const site = core.sites.create('Bench', 'Asia/Shanghai');
    const now = new Date().toISOString();
    const table = new BackendsTable(core.db);
    const backends = (['zkbio', 'hongtu'] as const).map((vendor) => table.insert({ siteId: site.id, vendor, name: vendor, baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, now).backend.id);
    const fillStart = process.hrtime.bigint();
    for (let from = 0; from < ROWS; from += BATCH) {
      for (const [b, backendId] of backends.entries()) {
        const batch: IncomingEvent[] = [];
        for (let k = b; k < BATCH; k += 2) {
          const i = from + k;
          const ms = START + Math.floor((i / ROWS) * SPAN_MS);
          batch.push({
            event: {
              eventId: `${b}:${i}`,
              occurredAt: b === 0 ? shanghaiWall(ms) : new Date(ms).toISOString(),
              kind: KINDS[i % KINDS.length] ?? 'pass',
              doorId: `door-${i % 24}`,
              doorName: `Gate ${i % 24}`,
              deviceSerial: 'DMS4200960001',
              readerName: null,
              personPin: `P${i % 5000}`,
              personName: `Worker ${i % 5000}`,
              verifyMode: 'Face',
              description: 'Normal Verify Open',
              photoUrl: null,
            },
          });
        }
        core.events.add(backendId, 'poll', batch, new Date('2026-12-31T00:00:00Z'));
      }
    }
    const fillMs = elapsedMs(fillStart);
    const stored = (core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

    const base = { siteId: site.id };
    const searches: Record<string, MethodInput<'history.search'>> = {
      'a day, first page': { ...base, from: '2026-06-15', to: '2026-06-15 23:59:59', limit: 100 },
      'a week, refused only': { ...base, from: '2026-06-08', to: '2026-06-14 23:59:59', kinds: ['denied'], limit: 100 },
      'a month, a person by name': { ...base, from: '2026-06-01', to: '2026-06-30 23:59:59', person: 'Worker 4242', limit: 100 },
      'a month, a person by number': { ...base, from: '2026-06-01', to: '2026-06-30 23:59:59', person: 'P4242', limit: 100 },
      'a month, one door': { ...base, from: '2026-06-01', to: '2026-06-30 23:59:59', doors: [{ backendId: backends[0] ?? 1, doorId: 'door-6' }], limit: 100 },
      'a week, text': { ...base, from: '2026-06-08', to: '2026-06-14 23:59:59', text: 'Gate 7', limit: 100 },
      'a day, export page of 500': { ...base, from: '2026-06-15', to: '2026-06-15 23:59:59', limit: 500 },
      'the whole year, first page': { ...base, from: '2026-01-01', to: '2026-12-31 23:59:59', limit: 100 },
    };
    const results: BenchResult[] = [];
    for (const [search, input] of Object.entries(searches)) {
      const samples: number[] = [];
      let found = 0;
      for (let r = 0; r < RUNS; r++) {
        const start = process.hrtime.bigint();
        found = (await call(core, 'history.search', input)).events.length;
        samples.push(elapsedMs(start));
      }
      results.push({ name: 'history.search', search, rows: stored, found, ...summarize(samples) });
    }
    // The third page of a week: two pages read, the third timed.
    {
      const week = { ...base, from: '2026-06-08', to: '2026-06-14 23:59:59', limit: 100 };
      const samples: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const first = await call(core, 'history.search', week);
        const second = await call(core, 'history.search', { ...week, before: first.next ?? '' });
        const start = process.hrtime.bigint();
        await call(core, 'history.search', { ...week, before: second.next ?? '' });
        samples.push(elapsedMs(start));
      }
      results.push({ name: 'history.search', search: 'a week, third page', rows: stored, ...summarize(samples) });
    }
    {
      const samples: number[] = [];
      let total = 0;
      for (let r = 0; r < RUNS; r++) {
        const start = process.hrtime.bigint();
        total = (await call(core, 'history.day', { ...base, date: '2026-06-15' })).total;
        samples.push(elapsedMs(start));
      }
      results.push({ name: 'history.day', rows: stored, dayEvents: total, ...summarize(samples) });
    }
    await core.close();
    return [{ name: 'history.fill', rows: stored, totalMs: Math.round(fillMs) }, ...results];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
