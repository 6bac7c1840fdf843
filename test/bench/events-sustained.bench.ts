import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { DB_FILE_NAME } from '../../electron/store/database.ts';
import { startHongtuSimulator } from '../simulators/hongtu/server.ts';
import { startK30Simulator } from '../simulators/k30/server.ts';
import type { BenchResult } from './stats.ts';

const RATE = Number(process.env['SUSTAINED_RATE'] ?? 200);
const SECONDS = process.env['DOORMAN_BENCH_MINUTES'] ? Math.round(Number(process.env['DOORMAN_BENCH_MINUTES']) * 60) : Number(process.env['SUSTAINED_SECONDS'] ?? process.env['PUSH_SECONDS'] ?? 600);
const SAMPLE_MS = 5_000;
/** The K30 callback sender sends an authstatus (not an event) every 20th. */
const K30_EVENT_SHARE = 19 / 20;

interface Sample {
  atMs: number;
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  /** V8's young generation (semi-spaces) and old space as reserved, MB. */
  newSpaceMb: number;
  oldSpaceMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  walMb: number;
  dbMb: number;
}

// A full GC on demand (as --expose-gc gives), to tell live objects from heap V8 merely reserved.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/**
 * The guard room under sustained load (issue 15): the whole core — the receivers service with
 * Hongtu's receiver registered at its simulator and K30's receiver (sign check strict), the event
 * pipeline started (streams, alarms and whatever listens to `events.received`) — taking 200 events/s
 * for 10 minutes from two senders in other processes: Hongtu pushes and K30 callbacks (over a third
 * of the events; every 20th callback an authstatus), 1 % of each delivered twice. Goals: none lost,
 * none stored twice, RSS and heap flat (the first minute's mean against the last one's), and the
 * main event loop's lag p95/max small. Each minute (or quarter of a shorter run): RSS, heap used
 * and reserved (heapTotal), external and array buffers, and the database's and its WAL's size on disk, to tell where memory
 * goes. DOORMAN_BENCH_MINUTES (or SUSTAINED_SECONDS / PUSH_SECONDS; CI: 20 s) shortens it,
 * SUSTAINED_RATE changes the rate; run it with MALLOC_ARENA_MAX=2 to compare glibc's arenas.
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-sustained-'));
  const hongtu = await startHongtuSimulator();
  const k30 = await startK30Simulator({ host: '127.0.0.29' });
  const core = createCore({ dataDir: dir, runtime: 'node' });
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const samples: Sample[] = [];
  const started = Date.now();
  const sample = () => {
    const memory = process.memoryUsage();
    const space = (name: string) => mb(getHeapSpaceStatistics().find((s) => s.space_name === name)?.space_size ?? 0);
    samples.push({
      atMs: Date.now() - started,
      rssMb: mb(memory.rss),
      heapMb: mb(memory.heapUsed),
      heapTotalMb: mb(memory.heapTotal),
      newSpaceMb: space('new_space'),
      oldSpaceMb: space('old_space'),
      externalMb: mb(memory.external),
      arrayBuffersMb: mb(memory.arrayBuffers),
      walMb: mb(sizeOf(join(dir, `${DB_FILE_NAME}-wal`))),
      dbMb: mb(sizeOf(join(dir, DB_FILE_NAME))),
    });
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  /** Heap used after a full GC, once per window (a minute, or a quarter of a shorter run). */
  const afterGc: { atMs: number; heapMb: number; rssMb: number }[] = [];
  const gcEvery = setInterval(() => {
    collectGarbage();
    const memory = process.memoryUsage();
    afterGc.push({ atMs: Date.now() - started, heapMb: mb(memory.heapUsed), rssMb: mb(memory.rss) });
  }, Math.min(60_000, (SECONDS * 1000) / 4));
  const k30Rate = Math.ceil((RATE * 0.36) / K30_EVENT_SHARE);
  const hongtuRate = RATE - Math.round(k30Rate * K30_EVENT_SHARE);
  try {
    const site = await call(core, 'sites.create', { name: 'Bench' });
    await call(core, 'sites.select', { id: site.id });
    const ht = await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } });
    const kt = await call(core, 'backends.add', { siteId: site.id, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: k30.companyNo } });
    const htUrl = (await call(core, 'receivers.start', { backendId: ht.id, host: '127.0.0.1' })).url;
    const k30Url = (await call(core, 'receivers.start', { backendId: kt.id, host: '127.0.0.1', signCheck: 'strict' })).url;
    await core.events.start();
    let announced = 0;
    const stop = core.bus.listen((event, payload) => {
      if (event === 'events.received') announced += (payload as { events: unknown[] }).events.length;
    });
    lag.enable();
    sample();
    const sender = (script: string, args: string[]) => {
      const child = spawn(process.execPath, [fileURLToPath(new URL(`./support/${script}`, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      return new Promise<Record<string, number>>((resolve) => child.once('exit', () => resolve(JSON.parse(output.trim()) as Record<string, number>)));
    };
    const [htSent, k30Sent] = await Promise.all([
      sender('push-sender.ts', [htUrl, String(hongtuRate), String(SECONDS)]),
      sender('k30-callback-sender.ts', [k30Url, k30.companyNo, String(k30Rate), String(SECONDS)]),
    ]);
    sample();
    lag.disable();
    stop();
    const stored = (backendId: number, prefix: string) =>
      core.db.prepare('SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM events WHERE backend_id = ? AND event_id LIKE ?').get(backendId, `${prefix}:bench-%`) as { n: number; d: number };
    const htRows = stored(ht.id, 'ht');
    const k30Rows = stored(kt.id, 'k30');
    const sent = (htSent['sent'] ?? 0) + (k30Sent['records'] ?? 0);
    const windowMs = Math.min(60_000, (SECONDS * 1000) / 4);
    const mean = (list: number[]) => (list.length > 0 ? Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 10) / 10 : null);
    const end = samples.at(-1)?.atMs ?? 0;
    const first = samples.filter((s) => s.atMs <= windowMs);
    const last = samples.filter((s) => s.atMs >= end - windowMs);
    // One row per window: the mean of its samples, and the database's and WAL's size at its end.
    const windows: Record<string, number | null>[] = [];
    for (let from = 0; from < end; from += windowMs) {
      const inside = samples.filter((s) => s.atMs > from && s.atMs <= from + windowMs);
      if (inside.length === 0) continue;
      const keys = ['rssMb', 'heapMb', 'heapTotalMb', 'newSpaceMb', 'oldSpaceMb', 'externalMb', 'arrayBuffersMb'] as const;
      windows.push({ window: windows.length + 1, ...Object.fromEntries(keys.map((k) => [k, mean(inside.map((s) => s[k]))])), walMb: inside.at(-1)!.walMb, dbMb: inside.at(-1)!.dbMb });
    }
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    return {
      name: 'events.sustained',
      ratePerSecond: RATE,
      seconds: SECONDS,
      hongtuPushesPerSecond: hongtuRate,
      k30CallbacksPerSecond: k30Rate,
      mallocArenaMax: process.env['MALLOC_ARENA_MAX'] ?? null,
      sent,
      sentHongtu: htSent['sent'],
      sentK30Records: k30Sent['records'],
      resentDuplicates: (htSent['resent'] ?? 0) + (k30Sent['resent'] ?? 0),
      failedDeliveries: (htSent['failed'] ?? 0) + (k30Sent['failed'] ?? 0),
      stored: htRows.n + k30Rows.n,
      lost: sent - htRows.d - k30Rows.d,
      doubled: htRows.n - htRows.d + (k30Rows.n - k30Rows.d),
      announced,
      achievedPerSecond: Math.round((sent / Math.max(htSent['ms'] ?? 1, k30Sent['ms'] ?? 1)) * 1000),
      comparedWindowSeconds: windowMs / 1000,
      rssMb: { first: mean(first.map((s) => s.rssMb)), last: mean(last.map((s) => s.rssMb)) },
      heapMb: { first: mean(first.map((s) => s.heapMb)), last: mean(last.map((s) => s.heapMb)) },
      windows,
      afterFullGc: afterGc,
      eventLoopLagMs: { p50: ms(lag.percentile(50)), p95: ms(lag.percentile(95)), max: ms(lag.max) },
    };
  } finally {
    clearInterval(sampler);
    clearInterval(gcEvery);
    await core.close();
    await hongtu.close();
    await k30.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
