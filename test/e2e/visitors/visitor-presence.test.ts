import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/i18n/format-time.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-visitor-presence-token';
const ZONE = 'Asia/Shanghai';
/** ZKBio's transaction monitor is read at most every 10 s (its document's limit): a pass shows within one read and the page's update. */
const PASS_WAIT = { timeout: 30_000 };
const WAIT = { timeout: 20_000 };

/**
 * ZKBio writes event times on its server's wall clock, which is the site's (zkbio.md §1.3). The
 * simulator formats in this process's zone: a pass is made at the instant whose wall clock here
 * reads the site's time now, as a ZKBio server in Asia/Shanghai would write it.
 */
function siteWallClockNow(): number {
  const now = Date.now();
  const here = -new Date(now).getTimezoneOffset() * 60_000;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(now).map((p) => [p.type, Number(p.value)]));
  const site = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0) - Math.floor(now / 1000) * 1000;
  return now + site - here;
}

/**
 * Issue 15 item 4 in Chromium: a visitor registered on the Visitors page (ZKBio), then the
 * simulator's reader sees them come in and go out; the row goes expected → arrived (time) →
 * left (time) live, times in the site's zone, through the event pipeline, then they are checked out.
 */
describe('Visitors page: arrived and left, live', () => {
  let zkbio: ZkbioSimulator;
  let hongtu: HongtuSimulator;
  let web: WebProcess;
  let browser: Browser;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ token: TOKEN, host: '127.0.0.6' });
    hongtu = await startHongtuSimulator({ host: '127.0.0.6' });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate house', '--time-zone', ZONE);
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', zkbio.url, '--token', TOKEN, '--name', 'ZKBio gate');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', hongtu.url, '--app-key', hongtu.appKey, '--secret', hongtu.secretKey, '--name', 'Hongtu lobby');
    web = await startWebProcess(dataDir);
    browser = await launchE2eBrowser('none');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await zkbio?.close();
    await hongtu?.close();
  });

  async function open(locale: string) {
    const context = await browser.newContext({ locale, viewport: { width: 1500, height: 1100 } });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-visitors').click();
    return { context, page };
  }

  it('shows expected, then arrived and left with their times as the visitor passes in and out, then checks them out', async () => {
    const { context, page } = await open('en-US');
    await page.getByTestId('visitor-backend').selectOption('1');
    await expect.poll(() => page.getByTestId('visitor-backend-note').textContent(), WAIT).toContain('visReservation.add');
    await page.getByTestId('visitor-name').fill('Mary Lin');
    await page.getByTestId('visitor-hostPin').fill('1001');
    await page.getByTestId('visitor-idType').selectOption('passport');
    await page.getByTestId('visitor-idNumber').fill('E24681357');
    await page.getByTestId('visitor-reason').fill('Delivery');
    await page.getByTestId('visitor-submit').click();
    await expect.poll(() => page.getByTestId('visitor-result').getAttribute('data-state'), WAIT).toBe('registered');

    const row = page.getByTestId('visitor-row').first();
    const presence = row.getByTestId('visitor-presence');
    await expect.poll(() => presence.getAttribute('data-presence'), WAIT).toBe('expected');
    expect(await presence.textContent()).toBe('expected');
    const visitor = zkbio.state.visitors.find((v) => v.certNumber === 'E24681357');
    expect(visitor?.status).toBe('checked in');

    const doorIn = zkbio.emitTransaction({ pin: visitor?.pin ?? '', reader: 'in', at: siteWallClockNow() });
    await expect.poll(() => presence.getAttribute('data-presence'), PASS_WAIT).toBe('arrived');
    expect(await presence.textContent()).toBe(`arrived ${formatTime(doorIn.eventTime, 'en', { timeZone: ZONE })}`);

    const doorOut = zkbio.emitTransaction({ pin: visitor?.pin ?? '', reader: 'out', at: siteWallClockNow() + 1_000 });
    await expect.poll(() => presence.getAttribute('data-presence'), PASS_WAIT).toBe('left');
    expect(await presence.textContent()).toBe(`left ${formatTime(doorOut.eventTime, 'en', { timeZone: ZONE })}`);
    // When they have left, the arrival stays readable beside it.
    expect(await row.getByTestId('visitor-arrived').textContent()).toBe(`arrived ${formatTime(doorIn.eventTime, 'en', { timeZone: ZONE })}`);
    await page.screenshot({ path: `${shots}/visitors-arrived-left.png`, fullPage: true });

    await row.getByTestId('visitor-checkout').click();
    await expect.poll(() => row.getAttribute('data-state'), WAIT).toBe('checked-out');
    expect(visitor?.status).toBe('checked out');
    await context.close();
  }, 120_000);

  it('books a visitor for tomorrow on ZKBio as a reservation (shown reserved on that day), and Cancel reservation deletes it', async () => {
    const { context, page } = await open('zh-CN');
    await page.getByTestId('visitor-backend').selectOption('1');
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + 24 * 3600_000));
    await page.getByTestId('visitor-name').fill('Ann Wu');
    await page.getByTestId('visitor-hostPin').fill('1001');
    await page.getByTestId('visitor-idType').selectOption('passport');
    await page.getByTestId('visitor-idNumber').fill('E13572468');
    await page.getByTestId('visitor-reason').fill('Meeting');
    await page.getByTestId('visitor-validFrom').fill(tomorrow);
    await page.getByTestId('visitor-validTo').fill(tomorrow);
    await page.getByTestId('visitor-submit').click();
    await expect.poll(() => page.getByTestId('visitor-result').textContent(), WAIT).toBe(zhCN.visitors.reservedDone.replace('{{name}}', 'Ann Wu'));
    const booked = zkbio.state.visitors.find((v) => v.certNumber === 'E13572468');
    expect(booked).toMatchObject({ status: 'reserved', startTime: `${tomorrow} 00:00:00`, endTime: `${tomorrow} 23:59:59` });

    await page.getByTestId('visitors-date').fill(tomorrow);
    const row = page.locator('[data-testid="visitor-row"][data-reserved="true"]');
    await expect.poll(() => row.getByTestId('visitor-state').textContent(), WAIT).toBe(zhCN.visitors.state.reserved);
    expect(await row.getByTestId('visitor-checkout').textContent()).toBe(zhCN.visitors.cancelReservation);
    await page.screenshot({ path: `${shots}/visitors-reserved-zh-CN.png`, fullPage: true });
    await row.getByTestId('visitor-checkout').click();
    await expect.poll(() => row.getAttribute('data-state'), WAIT).toBe('checked-out');
    expect(booked?.status).toBe('cancelled');
    await context.close();
  }, 120_000);

  it('registers a visitor on Hongtu from the page: a person of type 2 visiting the host’s uuid, the visit ending at the day’s end (site time)', async () => {
    const { context, page } = await open('en-US');
    await page.getByTestId('visitor-backend').selectOption('2');
    await expect.poll(() => page.getByTestId('visitor-backend-note').textContent(), WAIT).toContain('person/batchAdd');
    // The host is picked among the backend's people (Hongtu's person/list, by code).
    await expect.poll(() => page.getByTestId('visitor-host-options').locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value'))), WAIT).toContain('E1001');
    await page.getByTestId('visitor-name').fill('Li Lei');
    await page.getByTestId('visitor-hostPin').fill('E1001');
    await page.getByTestId('visitor-company').fill('Acme Ltd.');
    await page.getByTestId('visitor-reason').fill('Inspection');
    await page.getByTestId('visitor-submit').click();
    // Hongtu's visitFirm takes no spaces or punctuation: refused before anything is sent, with what to do.
    await expect.poll(() => page.getByTestId('visitor-error').textContent(), WAIT).toContain('visitFirm');
    await page.getByTestId('visitor-company').fill('Acme');
    await page.getByTestId('visitor-submit').click();
    await expect.poll(() => page.getByTestId('visitor-result').getAttribute('data-state'), WAIT).toBe('registered');
    const person = [...hongtu.state.persons.values()].find((p) => p.name === 'Li Lei');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
    expect(person).toMatchObject({ type: 2, visitedUuid: SEED_IDS.zhangSan, visitFirm: 'Acme', visitReason: 'Inspection', visitEndTimeStamp: Date.parse(`${today}T23:59:59+08:00`) });
    const row = page.locator(`[data-testid="visitor-row"]`).filter({ hasText: 'Li Lei' });
    await expect.poll(() => row.getByTestId('visitor-presence').getAttribute('data-presence'), WAIT).toBe('expected');
    await row.getByTestId('visitor-checkout').click();
    await expect.poll(() => row.getAttribute('data-state'), WAIT).toBe('checked-out');
    expect(person?.visitEndTimeStamp).toBeLessThanOrEqual(Date.now());
    await context.close();
  }, 120_000);
});
