import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import type { WsTestClient } from '../../support/ws-client.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';
import { connectApi, startK30Callbacks } from '../support/k30-gate.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

async function downloaded(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { download, bytes: readFileSync(await download.path()) };
}

/**
 * Issue 15 item 5: the History page. Two remote-open door tests on a K30 backend whose callbacks
 * reach the app's receiver store two events; the page lists them (newest first, the site's clock),
 * filters them by door, counts them per door and hour, exports them as CSV and XLSX, prints the
 * day's log, and says it all in Chinese too.
 */
describe('History page: the events the backends sent, searched, counted, exported and printed', () => {
  let k30: K30Simulator;
  let app: App;
  let api: WsTestClient;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.7' });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate 2');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo, '--name', 'Main gate K30');
    await cliJson(dataDir, 'backend', 'inventory', '1');
    app = await startApp(dataDir);
    api = await connectApi(app);
    await startK30Callbacks(api, k30);
    for (const [i, doorId] of [SEED_IDS.gateIn, SEED_IDS.gateOut].entries()) {
      const run = await api.invoke('doorTests.run', { runId: `history-e2e-${i}`, backendId: 1, doorId, test: 'open', timeoutSeconds: 15 });
      if (!run.ok) throw new Error(JSON.stringify(run.error));
      expect((run.output as { verdict: string }).verdict).toBe('pass');
    }
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await k30?.close();
  });

  it('lists the door tests’ events, filters by door, and counts the day per door', async () => {
    const { context, page } = await app.open('history');
    const rows = page.getByTestId('history-results').getByTestId('history-row');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    expect(await rows.first().getAttribute('data-kind')).toBe('remote-open');
    expect(await rows.first().textContent()).toContain('Main gate K30');
    // K30's callbacks name the device only: the door's name comes from the stored inventory.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent).sort())).toEqual(['大门入口', '大门出口']);

    await page.getByTestId('history-backend').selectOption('1');
    await page.getByTestId('history-door').selectOption(SEED_IDS.gateIn);
    await page.getByTestId('history-search').click();
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    await page.getByTestId('history-kind').selectOption('denied');
    await page.getByTestId('history-search').click();
    await page.getByTestId('history-empty').waitFor(WAIT);

    expect(await page.getByTestId('history-day-total').textContent()).toBe('2');
    const doors = page.getByTestId('history-day-door');
    expect(await doors.count()).toBe(2);
    for (const doorId of [SEED_IDS.gateIn, SEED_IDS.gateOut]) {
      expect(await page.locator(`[data-testid="history-day-door"][data-door-id="${doorId}"]`).getByTestId('history-day-door-total').textContent()).toBe('1');
    }
    expect(await page.getByTestId('history-day-kinds').textContent()).toContain('Remote open 2');
    await page.screenshot({ path: `${shots}/history.png`, fullPage: true });
    await context.close();
  });

  it('exports the search as CSV and XLSX whose rows are the events shown', async () => {
    const { context, page } = await app.open('history');
    const rows = page.getByTestId('history-results').getByTestId('history-row');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    const shownIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')));

    const csv = await downloaded(page, 'history-export-csv');
    expect(csv.download.suggestedFilename()).toMatch(/^events-\d{4}-\d{2}-\d{2}\.csv$/);
    const table = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
    expect(table[0]?.slice(0, 3)).toEqual(['Time', 'Backend', 'Door']);
    expect(table.slice(1).map((r) => r.at(-1))).toEqual(shownIds);
    expect(table.slice(1).every((r) => r[1] === 'Main gate K30' && r[9] === 'Remote open')).toBe(true);
    await expect.poll(() => page.getByTestId('history-exported').textContent(), WAIT).toContain('2 events exported');

    const xlsx = await downloaded(page, 'history-export-xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(3);
    expect([2, 3].map((r) => sheet?.getRow(r).getCell(13).value)).toEqual(shownIds);
    await context.close();
  });

  it('prints the day’s log: the counts and every event of the day, on paper only', async () => {
    const { context, page } = await app.open('history');
    await page.getByTestId('history-day-total').waitFor(WAIT);
    // The browser's print dialog stands still in a test: a stand-in says it was asked for.
    await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')");
    await page.getByTestId('history-print').click();
    await expect.poll(() => page.locator('body').getAttribute('data-printed'), WAIT).toBe('yes');
    expect(await page.getByTestId('history-print-view').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('history-print-view').isVisible()).toBe(true);
    expect(await page.getByTestId('history-filters').isVisible()).toBe(false);
    expect(await page.getByTestId('history-print-log').getByTestId('history-row').count()).toBe(2);
    expect(await page.getByTestId('history-print-view').textContent()).toContain('Event log — Gate 2');
    await page.pdf({ path: `${shots}/history-day-log.pdf`, format: 'A4' });
    await context.close();
  });

  it('says it in Chinese', async () => {
    const { context, page } = await app.open('history', 'zh-CN');
    await expect.poll(() => page.getByTestId('history-results').getByTestId('history-row').count(), WAIT).toBe(2);
    expect(await page.locator('h1').first().textContent()).toBe('通行记录');
    expect(await page.getByTestId('history-results').locator('th').first().textContent()).toBe('时间');
    expect(await page.getByTestId('history-results').getByTestId('history-row').first().textContent()).toContain('远程开门');
    expect(await page.getByTestId('history-print').textContent()).toBe('打印当天记录');
    expect(await page.getByTestId('nav-history').textContent()).toBe('通行记录');
    await context.close();
  });

  it('shows an event as it arrives, in the list and the day’s counts', async () => {
    const { context, page } = await app.open('history');
    const rows = page.getByTestId('history-results').getByTestId('history-row');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    await page.getByTestId('history-day-total').waitFor(WAIT);
    const run = await api.invoke('doorTests.run', { runId: 'history-e2e-live', backendId: 1, doorId: SEED_IDS.gateIn, test: 'open', timeoutSeconds: 15 });
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    await expect.poll(() => page.getByTestId('history-day-total').textContent(), WAIT).toBe('3');
    await context.close();
  });
});
