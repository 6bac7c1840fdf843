import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';
import { formatTime } from '../../../shared/i18n/format-time.ts';
import { WsTestClient } from '../../support/ws-client.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
/**
 * The site's zone is the simulator's: K30 writes its records' times in its server's local zone
 * (this process's), so the remote open's time is read right beside the action that caused it.
 */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const GUARD = 'Wang';

/** A catalog text with its placeholders filled. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

interface Logged {
  action: string;
  seconds: number;
  result: string;
  station: string;
  startedAt: string;
}

/**
 * Issue 15 item 2 in Chromium: the Live page's doors panel (`#/live`, nav `nav-live`). A door opened from the panel
 * shows its audit entry (station, time in the site's zone, result); a mode change asks first and
 * cancelling sends nothing; the panel in Chinese.
 */
describe('Live page: doors panel', () => {
  let k30: K30Simulator;
  let web: WebProcess;
  let browser: Browser;
  let dataDir: string;
  let api: WsTestClient;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.5' });
    dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate house', '--time-zone', ZONE);
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo, '--name', 'K30 gate');
    await cliJson(dataDir, 'backend', 'inventory', '1');
    web = await startWebProcess(dataDir);
    // The guard on duty (Settings → Guard room), named in the door log and in the feed.
    api = await WsTestClient.connect(`${web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${web.token}` });
    await api.invoke('alarms.setSettings', { guardName: GUARD });
    browser = await launchE2eBrowser('none');
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await browser?.close();
    await web?.stop();
    await k30?.close();
  });

  async function open(locale: string) {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1100 } });
    const page = await context.newPage();
    await page.goto(web.url);
    // The Live page (`#/live`, engineer J's) holds the doors panel.
    await page.getByTestId('nav-live').click();
    await page.getByTestId('doors-panel').waitFor(WAIT);
    return { context, page };
  }

  it('opens a door from the panel: the result shows and its audit entry appears; a mode change asks for confirmation', async () => {
    const { context, page } = await open('en-US');
    const { doors } = await cliJson<{ doors: { doorId: string; state: string }[] }>(dataDir, 'doors', 'list');
    const door = doors.find((d) => d.state !== 'offline');
    if (!door) throw new Error('no online door');
    const row = page.getByTestId(`door-1-${door.doorId}`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('door-state').textContent()).toBe(en.doors.state.unknown);
    expect(await row.locator('button').allTextContents()).toEqual([en.doors.action.open, en.doors.action['normally-open'], en.doors.action['normally-closed']]);

    await row.locator('input[type=number]').fill('3');
    await row.locator('button[data-action=open]').click();
    await expect.poll(() => row.getByTestId('door-outcome').getAttribute('data-ok'), WAIT).toBe('true');
    const logRow = page.getByTestId('door-log-row').first();
    await expect.poll(() => logRow.getAttribute('data-result'), WAIT).toBe('ok');
    const cells = await logRow.locator('td').allTextContents();
    expect(cells[1]?.length).toBeGreaterThan(0);
    expect(cells[4]).toBe(en.doors.action.open);
    expect(cells[0]).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    const audit = await cliJson<{ actions: Logged[] }>(dataDir, 'doors', 'log');
    expect(audit.actions[0]).toMatchObject({ action: 'open', seconds: 3, result: 'ok' });

    // The feed: K30's own remote-open event (read by the event pipeline) names the guard and the station.
    const opened = audit.actions[0]!;
    const causedRow = page.locator('[data-testid="live-row"][data-kind="remote-open"]', { has: page.getByTestId('live-caused-by') }).first();
    await causedRow.waitFor(WAIT);
    expect(await causedRow.getByTestId('live-caused-by').textContent()).toBe(
      fill(en.doorFeed.causedBy.open, { guard: GUARD, station: opened.station, time: formatTime(opened.startedAt, 'en', { timeZone: ZONE, seconds: true, part: 'time' }) }),
    );
    expect(await causedRow.locator('.live-door').textContent()).toContain(door.doorId);
    // Matched: no row of its own for that action.
    expect(await page.locator('[data-testid="live-row"][data-kind="door-action"]').count()).toBe(0);

    // Hold open: asked first; Cancel sends nothing.
    await row.locator('button[data-action="normally-open"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain(en.doors.confirmTitle);
    await dialog.getByRole('button', { name: en.common.cancel }).click();
    await expect.poll(() => page.locator('dialog[open]').count(), WAIT).toBe(0);
    expect((await cliJson<{ actions: unknown[] }>(dataDir, 'doors', 'log')).actions).toHaveLength(1);

    await row.locator('button[data-action="normally-open"]').click();
    await page.getByTestId('doors-confirm').click();
    await expect.poll(() => page.getByTestId('door-log-row').count(), WAIT).toBe(2);
    await expect.poll(() => page.getByTestId('door-log-row').first().locator('td').nth(4).textContent(), WAIT).toBe(en.doors.action['normally-open']);
    // K30 reports no event for a hold: the action is a row of its own in the feed, with its result.
    const own = page.locator('[data-testid="live-row"][data-kind="door-action"]').first();
    await expect.poll(() => own.getAttribute('data-result'), WAIT).toBe('ok');
    expect(await own.getByTestId('live-door-action-kind').textContent()).toBe(`${en.doorFeed.kind}${en.doors.action['normally-open']}`);
    expect(await own.getByTestId('live-door-action-by').textContent()).toBe(fill(en.doorFeed.by, { guard: GUARD, station: opened.station }));
    expect(await own.getByTestId('live-result').textContent()).toBe(en.doorFeed.result.ok);
    await page.screenshot({ path: `${shots}/doors-panel.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('reads in Chinese: title, state words, actions, the log', async () => {
    const { context, page } = await open('zh-CN');
    await expect.poll(() => page.getByTestId('doors-title').textContent(), WAIT).toBe(zhCN.doors.title);
    await expect.poll(() => page.getByTestId('doors-panel').textContent(), WAIT).toContain(zhCN.doors.action.open);
    expect(await page.getByTestId('door-state').first().textContent()).toMatch(new RegExp(`^(${zhCN.doors.state.unknown}|${zhCN.doors.state.offline})$`));
    expect(await page.getByTestId('doors-log').locator('h3').textContent()).toBe(zhCN.doors.logTitle);
    await expect.poll(() => page.getByTestId('door-log-row').first().locator('td').nth(4).textContent(), WAIT).toBe(zhCN.doors.action['normally-open']);
    // The feed in Chinese: the remote open names the guard and the station; the hold is its own row.
    // (Through the web server: the test's temporary data folder is gone from the CLI's view by now.)
    const reply = await api.invoke('doors.actions', { siteId: 1, limit: 10 });
    if (!reply.ok) throw new Error(reply.error.message);
    const log = reply.output as { actions: Logged[] };
    const opened = log.actions.find((a) => a.action === 'open')!;
    const caused = page.getByTestId('live-caused-by').first();
    await caused.waitFor(WAIT);
    expect(await caused.textContent()).toBe(
      fill(zhCN.doorFeed.causedBy.open, { guard: GUARD, station: opened.station, time: formatTime(opened.startedAt, 'zh-CN', { timeZone: ZONE, seconds: true, part: 'time' }) }),
    );
    const own = page.locator('[data-testid="live-row"][data-kind="door-action"]').first();
    expect(await own.getByTestId('live-door-action-kind').textContent()).toBe(`${zhCN.doorFeed.kind}${zhCN.doors.action['normally-open']}`);
    expect(await own.getByTestId('live-result').textContent()).toBe(zhCN.doorFeed.result.ok);
    await page.screenshot({ path: `${shots}/doors-panel-zh.png`, fullPage: true });
    await context.close();
  }, 60_000);
});
