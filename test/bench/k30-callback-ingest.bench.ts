import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { silentLogger } from '../../electron/log/logger.ts';
import type { BenchResult } from './stats.ts';

// The same knobs as the Hongtu push benchmark, so one setting shortens both (CI).
const RATE = Number(process.env['PUSH_RATE'] ?? 1000);
const SECONDS = Number(process.env['PUSH_SECONDS'] ?? 60);
const COMPANY_NO = '1762766749844335';

/**
 * K30 callbacks through the core's receiver (issue 14 item 5): a K30 backend's receiver started
 * with `receivers.start` (sign check strict, so every callback is decrypted and its sign verified),
 * the real store behind it, 1,000 sealed callbacks a second for 60 s from a sender in another
 * process (5 % authstatus, 1 % sent twice). Goals: none lost (records and results stored == sent),
 * none duplicated, p95 reply latency and RSS reported.
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-k30-callbacks-'));
  const core = createCore({ dataDir: dir, runtime: 'node', logger: silentLogger() });
  const siteId = (await call(core, 'sites.create', { name: 'Bench' })).id;
  // No K30 behind it: the callbacks come from the sender; the address only has to be one.
  const backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: 'http://127.0.0.1:9', credentials: { companyNo: COMPANY_NO } })).id;
  const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1', signCheck: 'strict' });
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(Math.round(process.memoryUsage().rss / 1024 / 1024)), 5_000);
  try {
    const sender = spawn(process.execPath, [fileURLToPath(new URL('./support/k30-callback-sender.ts', import.meta.url)), url, COMPANY_NO, String(RATE), String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    sender.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => sender.once('exit', resolve));
    const sent = JSON.parse(output.trim()) as { sent: number; records: number; results: number; resent: number; failed: number; ms: number; p50Ms: number; p95Ms: number; maxMs: number };
    const storedRecords = core.events.count(backendId);
    const storedResults = (await call(core, 'outbox.deviceResults', { siteId })).results.length;
    const distinct = (core.db.prepare('SELECT count(DISTINCT event_id) AS n FROM events WHERE backend_id = ?').get(backendId) as { n: number }).n;
    const status = await call(core, 'receivers.status', { backendId });
    const warm = rss.slice(1);
    return {
      name: 'k30.callback.ingest',
      ratePerSecond: RATE,
      seconds: SECONDS,
      sent: sent.sent,
      resentDuplicates: sent.resent,
      failedDeliveries: sent.failed,
      stored: storedRecords + storedResults,
      storedRecords,
      storedResults,
      lost: sent.sent - storedRecords - storedResults,
      duplicatesStored: storedRecords - distinct,
      achievedPerSecond: Math.round((sent.sent / sent.ms) * 1000),
      replyLatencyMs: { p50: sent.p50Ms, p95: sent.p95Ms, max: sent.maxMs },
      rssMbSamples: rss,
      rssGrowthMb: warm.length > 1 ? (warm.at(-1) ?? 0) - (warm[0] ?? 0) : null,
      receiverStats: status.stats,
    };
  } finally {
    clearInterval(sampler);
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
