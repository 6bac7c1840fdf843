import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HONGTU_PUSH_ACK, parseHongtuPush } from '../../electron/drivers/hongtu/push.ts';
import { silentLogger } from '../../electron/log/logger.ts';
import { startPushReceiver } from '../../electron/receivers/push-receiver.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { openStore } from '../../electron/store/database.ts';
import { EventsTable } from '../../electron/store/events-table.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import type { BenchResult } from './stats.ts';

const RATE = Number(process.env['PUSH_RATE'] ?? 1000);
const SECONDS = Number(process.env['PUSH_SECONDS'] ?? 60);

/**
 * The push receiver (with the real events store) taking Hongtu pass records at 1,000/s for 60 s from
 * a sender in another process, 1 % of them delivered twice. Goals: none lost, none duplicated, RSS flat.
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-push-'));
  const store = openStore(join(dir, 'doorman.db'));
  const now = new Date().toISOString();
  const site = new SitesTable(store.db).insert('Bench', now);
  const backendId = new BackendsTable(store.db).insert({ siteId: site.id, vendor: 'hongtu', name: 'h', baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, now).backend.id;
  const events = new EventsTable(store.db);
  const receiver = await startPushReceiver({
    host: '127.0.0.1',
    bodies: ['json'],
      read: (payload) => ({ events: parseHongtuPush(payload), deviceResults: [], warnings: [] }),
    store: (incoming) => {
      const { added, refused } = events.add(backendId, 'push', incoming.events);
      return { added: added.length, refused };
    },
    acknowledgement: HONGTU_PUSH_ACK,
    log: silentLogger(),
  });
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(Math.round(process.memoryUsage().rss / 1024 / 1024)), 5_000);
  try {
    const sender = spawn(process.execPath, [fileURLToPath(new URL('./support/push-sender.ts', import.meta.url)), receiver.url, String(RATE), String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    sender.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => sender.once('exit', resolve));
    const sent = JSON.parse(output.trim()) as { sent: number; resent: number; failed: number; ms: number };
    const stored = events.count(backendId);
    const warm = rss.slice(1);
    return {
      name: 'hongtu.push.ingest',
      ratePerSecond: RATE,
      seconds: SECONDS,
      sent: sent.sent,
      resentDuplicates: sent.resent,
      failedDeliveries: sent.failed,
      stored,
      lost: sent.sent - stored,
      duplicatesStored: stored - new Set(events.recent(backendId, stored).map((e) => e.eventId)).size,
      achievedPerSecond: Math.round((sent.sent / sent.ms) * 1000),
      rssMbSamples: rss,
      rssGrowthMb: warm.length > 1 ? (warm.at(-1) ?? 0) - (warm[0] ?? 0) : null,
      receiverStats: { ...receiver.stats },
    };
  } finally {
    clearInterval(sampler);
    await receiver.close();
    store.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
