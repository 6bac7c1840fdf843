import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startZkbioSimulator } from '../simulators/zkbio/server.ts';
import { launchChromium } from '../support/chromium.ts';
import { runCliProcess } from '../support/cli.ts';
import { startWebProcess } from '../support/web-process.ts';
import { summarize, type BenchResult } from './stats.ts';

const TOKEN = 'bench-polled-token';
/** Samples (default 12; each takes about one poll interval). */
const SAMPLES = Number(process.env['DOORMAN_BENCH_SAMPLES'] ?? 12);
/**
 * The pipeline reads ZKBio's real-time monitor (transaction/monitor) every 10 s, the least the
 * document allows (electron/drivers/zkbio/client.ts, adapter.ts `watch`); the event list every 60 s
 * fills gaps. A polled event waits for the next monitor read: 0–10 s.
 */
const POLL_INTERVAL_MS = 10_000;

/** Records, in the page, when a row of each personnel number first appears. A page script: no DOM types here. */
const WATCH_PINS = `
  window.__pinsSeen = {};
  new MutationObserver(() => {
    for (const cell of document.querySelectorAll('[data-testid="live-row"] .live-person')) {
      const pin = (cell.textContent || '').trim().split(' ')[0];
      if (pin && !(pin in window.__pinsSeen)) window.__pinsSeen[pin] = Date.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Event-to-screen latency of the Live page for POLLED events (issue 15 "Tests and benchmarks"): a
 * pass made in the ZKBio simulator (its own access log, as `POST /__sim/transactions` does) to its
 * row in the page in Chromium, through the web server's event pipeline (the monitor poll). Each
 * pass goes out at a different point of the poll cycle (spread evenly over 10 s), so the samples
 * cover the whole wait. Goal: p95 ≤ poll interval + 250 ms. Needs the built renderer and Chromium.
 */
export default async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-bench-live-polled-'));
  const zkbio = await startZkbioSimulator({ host: '127.0.0.30', token: TOKEN });
  const cli = (...args: string[]) => {
    const ran = runCliProcess([...args, '--data-dir', dataDir]);
    if (ran.code !== 0) throw new Error(ran.stderr);
  };
  cli('sites', 'add', 'Bench');
  cli('sites', 'select', '1');
  cli('backend', 'add', '--site', '1', '--vendor', 'zkbio', '--name', 'Office', '--url', zkbio.url, '--token', TOKEN);
  const web = await startWebProcess(dataDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(WATCH_PINS);
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-live').click();
    await page.getByTestId('live-page').waitFor({ timeout: 20_000 });
    const seenAt = async (pin: string) => ((await page.evaluate('window.__pinsSeen')) as Record<string, number>)[pin];
    const pass = async (pin: string) => {
      // A pin the site does not hold, so its row is known by it; a normal pass, not an alarm.
      const madeAt = Date.now();
      zkbio.emitTransaction({ pin, eventNo: 0, eventName: 'Normal Verify Open', eventLevel: 0 });
      for (let deadline = madeAt + 3 * POLL_INTERVAL_MS + 20_000; ; ) {
        const at = await seenAt(pin);
        if (at !== undefined) return at - madeAt;
        if (Date.now() > deadline) throw new Error(`the pass of ${pin} never reached the page`);
        await page.waitForTimeout(20);
      }
    };
    // Warm-up: the monitor's first read, the page's first row.
    await pass('ZB0');
    const samples: number[] = [];
    for (let i = 1; i <= SAMPLES; i++) {
      // Just after a row appeared a poll has just run: wait a different part of the cycle each time.
      await page.waitForTimeout((((i * 7) % SAMPLES) * POLL_INTERVAL_MS) / SAMPLES);
      samples.push(await pass(`ZB${i}`));
    }
    const stats = summarize(samples);
    const goal = POLL_INTERVAL_MS + 250;
    return { name: 'live.eventToScreen.zkbioMonitor.chromium', pollIntervalMs: POLL_INTERVAL_MS, ...stats, goal: { p95Ms: goal }, met: stats.p95Ms <= goal };
  } finally {
    await browser.close();
    await web.stop();
    await zkbio.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
