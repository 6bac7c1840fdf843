import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { startHongtuSimulator } from '../simulators/hongtu/server.ts';
import type { BenchResult } from './stats.ts';

const RATE = Number(process.env['SUSTAINED_RATE'] ?? 200);
const SECONDS = Number(process.env['SUSTAINED_SECONDS'] ?? process.env['PUSH_SECONDS'] ?? 600);
const SAMPLE_MS = 5_000;

/**
 * The guard room under sustained load (issue 15): the whole core — the receivers service with
 * Hongtu's receiver registered at the simulator, the event pipeline started (streams, alarms and
 * whatever listens to `events.received`) — taking 200 pass records/s for 10 minutes from a sender
 * in another process (1 % delivered twice). Goals: none lost, none stored twice, RSS and heap flat
 * (the first minute's mean against the last one's), and the main event loop's lag p95/max small.
 * SUSTAINED_SECONDS / SUSTAINED_RATE shorten it (or PUSH_SECONDS, as the other push benches; CI: 20).
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-sustained-'));
  const sim = await startHongtuSimulator();
  const core = createCore({ dataDir: dir, runtime: 'node' });
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const samples: { atMs: number; rssMb: number; heapMb: number }[] = [];
  const started = Date.now();
  const sample = () => {
    const memory = process.memoryUsage();
    samples.push({ atMs: Date.now() - started, rssMb: Math.round(memory.rss / 1048576), heapMb: Math.round(memory.heapUsed / 1048576) });
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  try {
    const site = await call(core, 'sites.create', { name: 'Bench' });
    await call(core, 'sites.select', { id: site.id });
    const backend = await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } });
    const { url } = await call(core, 'receivers.start', { backendId: backend.id, host: '127.0.0.1' });
    await core.events.start();
    let announced = 0;
    const stop = core.bus.listen((event, payload) => {
      if (event === 'events.received') announced += (payload as { events: unknown[] }).events.length;
    });
    lag.enable();
    sample();
    const sender = spawn(process.execPath, [fileURLToPath(new URL('./support/push-sender.ts', import.meta.url)), url, String(RATE), String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    sender.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => sender.once('exit', resolve));
    sample();
    lag.disable();
    stop();
    const sent = JSON.parse(output.trim()) as { sent: number; resent: number; failed: number; ms: number };
    const rows = core.db.prepare("SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM events WHERE backend_id = ? AND event_id LIKE 'ht:bench-%'").get(backend.id) as { n: number; d: number };
    const windowMs = Math.min(60_000, (SECONDS * 1000) / 4);
    const mean = (list: number[]) => (list.length > 0 ? Math.round(list.reduce((a, b) => a + b, 0) / list.length) : null);
    const end = samples.at(-1)?.atMs ?? 0;
    const first = samples.filter((s) => s.atMs <= windowMs);
    const last = samples.filter((s) => s.atMs >= end - windowMs);
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    return {
      name: 'events.sustained',
      ratePerSecond: RATE,
      seconds: SECONDS,
      sent: sent.sent,
      resentDuplicates: sent.resent,
      failedDeliveries: sent.failed,
      stored: rows.n,
      lost: sent.sent - rows.d,
      doubled: rows.n - rows.d,
      announced,
      achievedPerSecond: Math.round((sent.sent / sent.ms) * 1000),
      comparedWindowSeconds: windowMs / 1000,
      rssMb: { first: mean(first.map((s) => s.rssMb)), last: mean(last.map((s) => s.rssMb)) },
      heapMb: { first: mean(first.map((s) => s.heapMb)), last: mean(last.map((s) => s.heapMb)) },
      eventLoopLagMs: { p50: ms(lag.percentile(50)), p95: ms(lag.percentile(95)), max: ms(lag.max) },
    };
  } finally {
    clearInterval(sampler);
    await core.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
