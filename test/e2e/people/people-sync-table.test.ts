import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { shots, startApp, type App } from '../support/app.ts';
import { cliJson } from '../support/cli.ts';
import { astronautPng } from '../support/fake-camera.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-people-sync-token';
/** Waits on the web process's sync engine and on the page: 20 s, for a loaded machine. */
const WAIT = { timeout: 20_000 };
const ID_NUMBER = '11010519491231002X';

const cli = async (dataDir: string, ...args: string[]): Promise<void> => void (await cliJson(dataDir, ...args));

// This file is type-checked without the DOM library; the callbacks below run in the page.
interface Box {
  readonly left: number;
  readonly right: number;
}
declare const document: { querySelector(selector: string): { getBoundingClientRect(): Box; scrollWidth: number; clientWidth: number; closest(s: string): unknown } | null };

/** A table's box against its card's: it must lie inside, with nothing to scroll sideways. */
function fits(page: Page, testId: string): Promise<{ table: Box; card: Box; cardScrolls: boolean }> {
  return page.evaluate((id) => {
    const table = document.querySelector(`[data-testid="${id}"]`);
    const card = table?.closest('.card') as { getBoundingClientRect(): Box; scrollWidth: number; clientWidth: number } | undefined;
    if (!table || !card) throw new Error('no People table');
    const t = table.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    return { table: { left: t.left, right: t.right }, card: { left: c.left, right: c.right }, cardScrolls: card.scrollWidth > card.clientWidth };
  }, testId);
}

async function expectFits(page: Page, testId: string, width: number): Promise<void> {
  const box = await fits(page, testId);
  expect(box.table.right, `${testId} at ${width} px`).toBeLessThanOrEqual(box.card.right + 0.5);
  expect(box.table.left, `${testId} at ${width} px`).toBeGreaterThanOrEqual(box.card.left - 0.5);
  expect(box.cardScrolls, `${testId} at ${width} px`).toBe(false);
}

describe('People page: thumbnails, sync state per person, search, layout; Sync queue times and cancelled rows (issue 12 item 14)', () => {
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    // A backend that is switched off: a port nothing listens on.
    const off = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    const offUrl = off.url;
    await off.close();
    const dataDir = tempDir();
    await cli(dataDir, 'sites', 'add', 'Block 3');
    await cli(dataDir, 'sites', 'select', '1');
    await cli(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', zkbio.url, '--token', TOKEN);
    await cli(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', offUrl, '--token', TOKEN);
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'S1', '--name', 'Alice Synced', '--id-number', ID_NUMBER, '--phone', '13800138000', '--photo', astronautPng(), '--backend', '1');
    // ZKBio refuses a department it does not have (−13): failed for good.
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'F1', '--name', 'Bob Failed', '--department', 'NO-SUCH-DEPT', '--backend', '1');
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'W1', '--name', 'Carol Waiting', '--department', 'Electrical', '--backend', '2');
    // Saved twice: the first write is replaced by the second.
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'R1', '--name', 'Dan Old', '--backend', '2');
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'R1', '--name', 'Dan New', '--backend', '2');
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'C1', '--name', 'Eve Cancelled', '--backend', '2');
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  const row = (page: Page, pin: string): Locator => page.locator(`[data-testid="person-row"][data-pin="${pin}"]`);

  it('shows each person’s photo and sync state, finds them by full ID number, phone or department, and fits its card at 1440 and 1280 px', async () => {
    const { context, page } = await app.open('people');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await expect.poll(() => page.getByTestId('person-row').count(), WAIT).toBe(5);

    // Sync state, from the outbox: synced to the simulator, refused by it, waiting for the one switched off.
    await expect.poll(() => row(page, 'S1').getByTestId('person-sync').getAttribute('data-state'), WAIT).toBe('synced');
    await expect.poll(() => row(page, 'F1').getByTestId('person-sync').getAttribute('data-state'), WAIT).toBe('failed');
    await expect.poll(() => row(page, 'W1').getByTestId('person-sync').getAttribute('data-state'), WAIT).toBe('waiting');
    expect(await row(page, 'S1').getByTestId('person-sync').textContent()).toContain('Synced');
    expect(await row(page, 'F1').getByTestId('person-sync').textContent()).toContain('Failed');
    // The reason on hover (title) and for screen readers: ZKBio's own words for −13.
    expect(await row(page, 'F1').getByTestId('person-sync').getAttribute('title')).toMatch(/department/i);
    await expect.poll(() => row(page, 'W1').getByTestId('person-sync').getAttribute('title'), WAIT).toMatch(/next try/);
    expect(await row(page, 'W1').getByTestId('person-sync-open-queue').getAttribute('href')).toBe('#/sync');

    // Thumbnails: a small picture for the person with a face, "no" for the others.
    const thumb = row(page, 'S1').getByTestId('person-thumb');
    await expect.poll(() => thumb.count(), WAIT).toBe(1);
    await expect.poll(() => thumb.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth), WAIT).toBe(96);
    expect(await row(page, 'F1').getByTestId('person-photo').getAttribute('data-has-face')).toBe('false');

    // The table lies inside its card at both widths.
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 1000 });
      await expectFits(page, 'people-table', width);
      await page.screenshot({ path: `${shots}/people-table-${width}.png`, fullPage: true });
    }

    // Search by the full ID number (masked in the table), phone, department; part of an ID finds nobody.
    const search = page.getByTestId('people-search');
    const pins = () => page.getByTestId('person-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pin')));
    await search.fill(ID_NUMBER.toLowerCase());
    await expect.poll(pins).toEqual(['S1']);
    await search.fill('19491231');
    await expect.poll(pins).toEqual([]);
    await search.fill('13800138000');
    await expect.poll(pins).toEqual(['S1']);
    await search.fill('electrical');
    await expect.poll(pins).toEqual(['W1']);
    await search.fill('dan');
    await expect.poll(pins).toEqual(['R1']);
    await context.close();
  }, 120_000);

  it('gives the Sync queue’s times, and a cancelled row says why, with no stale reason and no Retry', async () => {
    const { context, page } = await app.open('sync');
    const entry = (pin: string, state?: string) => page.locator(`[data-testid="outbox-row"][data-pin="${pin}"]${state ? `[data-state="${state}"]` : ''}`);

    // The waiting write: queued, tried once, next try given; Retry (now) and Cancel offered.
    const waiting = entry('W1');
    await expect.poll(() => waiting.getByTestId('outbox-next-try-at').count(), WAIT).toBe(1);
    expect(await waiting.getByTestId('outbox-queued-at').textContent()).toMatch(/^Queued /);
    expect(await waiting.getByTestId('outbox-last-try-at').textContent()).toMatch(/^Last try /);
    expect(await waiting.getByTestId('outbox-next-try-at').textContent()).toMatch(/^Next try /);
    expect(await waiting.getByTestId('outbox-reason').textContent()).not.toBe('');
    // The done write: queued and last try, no next try.
    const done = entry('S1', 'done');
    await expect.poll(() => done.count(), WAIT).toBe(1);
    expect(await done.getByTestId('outbox-last-try-at').count()).toBe(1);
    expect(await done.getByTestId('outbox-next-try-at').count()).toBe(0);

    // Replaced by the newer save of the same person.
    const replaced = entry('R1', 'cancelled');
    expect(await replaced.count()).toBe(1);
    expect(await replaced.getByTestId('outbox-reason').textContent()).toBe('Replaced by a newer change');
    expect(await replaced.getByTestId('outbox-retry').count()).toBe(0);

    // Cancelled here: once it has failed to reach the switched-off backend (it carries a reason), cancel it.
    const mine = entry('C1');
    await expect.poll(() => mine.getByTestId('outbox-reason').textContent(), WAIT).not.toBe('');
    await mine.getByTestId('outbox-cancel').click();
    await expect.poll(() => mine.getAttribute('data-state'), WAIT).toBe('cancelled');
    expect(await mine.getByTestId('outbox-reason').textContent()).toBe('Cancelled by you');
    expect(await mine.getByTestId('outbox-retry').count()).toBe(0);
    expect(await mine.getByTestId('outbox-cancel').count()).toBe(0);
    expect(await mine.getByTestId('outbox-next-try-at').count()).toBe(0);
    // The queue, with its times, fits its card too.
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 1000 });
      await expectFits(page, 'outbox-table', width);
    }
    await page.screenshot({ path: `${shots}/sync-queue-times.png`, fullPage: true });

    // The People page says it too.
    await page.getByTestId('nav-people').click();
    await expect.poll(() => row(page, 'C1').getByTestId('person-sync').getAttribute('data-state'), WAIT).toBe('cancelled');
    expect(await row(page, 'C1').getByTestId('person-sync').getAttribute('title')).toContain('cancelled by you');
    await context.close();

    // In Chinese.
    const zh = await app.open('sync', 'zh-CN');
    const zhMine = zh.page.locator('[data-testid="outbox-row"][data-pin="C1"]');
    await expect.poll(() => zhMine.getByTestId('outbox-reason').textContent(), WAIT).toBe('已由您取消');
    expect(await zh.page.locator('[data-testid="outbox-row"][data-pin="R1"][data-state="cancelled"]').getByTestId('outbox-reason').textContent()).toBe('已被更新的修改取代');
    await zh.page.getByTestId('nav-people').click();
    await expect.poll(() => row(zh.page, 'S1').getByTestId('person-sync').textContent(), WAIT).toContain('已同步');
    expect(await row(zh.page, 'F1').getByTestId('person-sync').textContent()).toContain('失败');
    expect(await row(zh.page, 'C1').getByTestId('person-sync').getAttribute('title')).toContain('已由您取消');
    await zh.page.setViewportSize({ width: 1280, height: 1000 });
    await expectFits(zh.page, 'people-table', 1280);
    await zh.page.screenshot({ path: `${shots}/people-table-zh.png`, fullPage: true });
    await zh.context.close();
  }, 120_000);
});
