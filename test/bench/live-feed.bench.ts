import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startK30Simulator } from '../simulators/k30/server.ts';
import { launchChromium } from '../support/chromium.ts';
import { runCliProcess } from '../support/cli.ts';
import { startWebProcess } from '../support/web-process.ts';
import { WsTestClient } from '../support/ws-client.ts';
import { summarize, type BenchResult } from './stats.ts';

const SAMPLES = 40;

/** Records, in the page, when each Live row first appears (by its key). A page script: no DOM types here. */
const WATCH_ROWS = `
  window.__rowsSeen = {};
  new MutationObserver(() => {
    for (const row of document.querySelectorAll('[data-testid="live-row"]')) {
      const key = row.getAttribute('data-key');
      if (key && !(key in window.__rowsSeen)) window.__rowsSeen[key] = Date.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Event-to-screen latency of the Live page (issue 15 item 2): from the K30 simulator pushing a
 * pass (callback to Doorman's receiver in the web server) to its row in the page in Chromium.
 * Goal p95 ≤ 250 ms for pushed events. Needs the built renderer (npm run build) and Chromium.
 */
export default async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-bench-live-'));
  const k30 = await startK30Simulator({ host: '127.0.0.25' });
  const cli = (...args: string[]) => {
    const ran = runCliProcess([...args, '--data-dir', dataDir]);
    if (ran.code !== 0) throw new Error(ran.stderr);
  };
  cli('sites', 'add', 'Bench');
  cli('sites', 'select', '1');
  cli('backend', 'add', '--site', '1', '--vendor', 'k30', '--name', 'K30 gate', '--url', k30.url, '--company-no', k30.companyNo);
  const web = await startWebProcess(dataDir);
  const api = await WsTestClient.connect(`${web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${web.token}` });
  const browser = await launchChromium();
  try {
    const started = await api.invoke('receivers.start', { backendId: 1, host: '127.0.0.1', signCheck: 'strict' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    k30.callbacks.configure({ url: (started.output as { url: string }).url });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(WATCH_ROWS);
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-live').click();
    await page.getByTestId('live-page').waitFor({ timeout: 20_000 });
    const seen = () => page.evaluate('window.__rowsSeen') as Promise<Record<string, number>>;
    // One pass to warm up (receiver, subscription, first render).
    k30.emitPassRecord({ stranger: true });
    for (let deadline = Date.now() + 20_000; Object.keys(await seen()).length === 0; ) {
      if (Date.now() > deadline) throw new Error('no row appeared for a pushed event');
      await page.waitForTimeout(20);
    }
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const before = new Set(Object.keys(await seen()));
      const pushedAt = Date.now();
      k30.emitPassRecord({ stranger: true });
      for (let deadline = pushedAt + 20_000; ; ) {
        const now = await seen();
        const fresh = Object.keys(now).find((key) => !before.has(key));
        if (fresh) {
          samples.push(now[fresh]! - pushedAt);
          break;
        }
        if (Date.now() > deadline) throw new Error(`pass ${i} never reached the page`);
        await page.waitForTimeout(10);
      }
    }
    const stats = summarize(samples);
    return { name: 'live.eventToScreen.k30Push.chromium', ...stats, goal: { p95Ms: 250 }, met: stats.p95Ms <= 250 };
  } finally {
    api.close();
    await browser.close();
    await web.stop();
    await k30.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
