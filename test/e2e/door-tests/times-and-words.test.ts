import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime, localTimeZone } from '../../../shared/i18n/format-time.ts';
import type { ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { shots, startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-times-words-token';
const WAIT = { timeout: 20_000 };
const EN_TIME = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2}$/;
const ZH_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Issue 12 item 9: one time format in the site's zone, vendor words translated, units and plurals per language. */
describe('Door-test evidence: times and vendor words', () => {
  let site: E2eSite;
  let zkbio: ZkbioSimulator;
  let hongtuDoorId: string;

  beforeAll(async () => {
    site = await startE2eSite({ token: TOKEN });
    ({ zkbio, hongtuDoorId } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  async function open(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await site.open({ locale, height: 1000 });
    await page.getByTestId('nav-door-tests').click();
    return { context, page };
  }

  /** Runs the chosen test on one door; `during` acts once the test waits (a person walking up). Answers the result row, evidence open. */
  async function run(page: Page, backendId: number, doorId: string, during?: { waitFor: string; act: () => void }): Promise<Locator> {
    await page.getByTestId('doortest-backend').selectOption(String(backendId));
    const door = page.locator(`[data-testid="doortest-door"][data-door-id="${doorId}"]`);
    await door.check();
    const before = await page.getByTestId('doortest-result-row').count();
    await page.getByTestId('doortest-run').click();
    if (during) {
      await expect.poll(() => page.getByTestId('doortest-steps').textContent(), WAIT).toContain(during.waitFor);
      during.act();
    }
    await expect.poll(() => page.getByTestId('doortest-result-row').count(), { timeout: 60_000 }).toBe(before + 1);
    await expect.poll(() => page.getByTestId('doortest-run-panel').getAttribute('data-state'), WAIT).not.toBe('running');
    await door.uncheck();
    const row = page.locator(`[data-testid="doortest-result-row"][data-door-id="${doorId}"]`).first();
    await row.getByTestId('doortest-evidence-toggle').click();
    return row;
  }

  const evidence = (page: Page) => page.getByTestId('doortest-evidence').last();
  const fact = (page: Page, key: string) => evidence(page).locator(`[data-fact="${key}"] dd`);

  it('shows a Hongtu event time (UTC ISO from the platform) in the site’s zone in the same format as a ZKBio one, and the vendors’ words in English', async () => {
    const { context, page } = await open('en-US');
    const zkDoor = zkbio.state.doors[0];
    if (!zkDoor) throw new Error('the ZKBio seed has doors');

    const zkRow = await run(page, BACKENDS.zkbio, zkDoor.id);
    const zkTime = (await fact(page, 'time').textContent()) ?? '';
    expect(zkTime).toMatch(EN_TIME);
    expect(await fact(page, 'description').textContent()).toBe('Remote opening');
    expect(await evidence(page).getByTestId('vendor-event-unknown').count()).toBe(0);
    expect(await fact(page, 'time').locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await zkRow.getByTestId('doortest-evidence-toggle').click();

    await run(page, BACKENDS.hongtu, hongtuDoorId);
    const htTime = (await fact(page, 'time').textContent()) ?? '';
    // The platform's instant (UTC ISO from passTimestamp), in the site's zone, in the same format
    // as ZKBio's local time.
    const instant = (await fact(page, 'time').locator('time').getAttribute('datetime')) ?? '';
    expect(instant).toMatch(/Z$/);
    expect(htTime).toMatch(EN_TIME);
    expect(htTime).toBe(formatTime(instant, 'en', { timeZone: localTimeZone(), seconds: true }));
    // Hongtu writes 通行 whatever the language: translated, not passed through.
    expect(await fact(page, 'description').textContent()).toBe('Passed');
    const seen = (await evidence(page).locator('.step').allTextContents()).join('\n');
    expect(seen).toContain('Event seen: Passed at');
    expect(seen).toContain(htTime);
    expect(seen).not.toMatch(ISO);
    expect(seen).not.toContain('通行');

    // Plurals and units in English: no "(s)", milliseconds as "ms".
    expect(await page.getByTestId('doortest-run-panel').textContent()).toContain('Done: 1 door tested.');
    expect(await page.locator('main').textContent()).not.toMatch(/\w\(s\)/);
    await page.screenshot({ path: `${shots}/door-tests-times-en.png`, fullPage: true });
    await context.close();
  }, 150_000);

  it('says the same events in Chinese: ZKBio’s English names translated, times and units in Chinese; an unknown name is shown as written and marked', async () => {
    const { context, page } = await open('zh-CN');
    const zkDoor = zkbio.state.doors[0];
    const person = [...zkbio.state.persons.values()][0];
    if (!zkDoor || !person) throw new Error('the ZKBio seed has doors and people');

    // The earlier runs' evidence, now in Chinese.
    const rows = page.getByTestId('doortest-result-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(1);
    const zkRow = page.locator(`[data-testid="doortest-result-row"][data-door-id="${zkDoor.id}"]`).first();
    await zkRow.getByTestId('doortest-evidence-toggle').click();
    expect(await fact(page, 'description').textContent()).toBe('远程开门');
    expect((await fact(page, 'time').textContent()) ?? '').toMatch(ZH_TIME);
    const steps = (await evidence(page).locator('.step').allTextContents()).join('\n');
    expect(steps).toContain('已收到事件：远程开门');
    expect(steps).toMatch(/\+\d+毫秒/);
    expect(steps).not.toMatch(/\d ms/);
    await zkRow.getByTestId('doortest-evidence-toggle').click();
    const htRow = page.locator(`[data-testid="doortest-result-row"][data-door-id="${hongtuDoorId}"]`).first();
    await htRow.getByTestId('doortest-evidence-toggle').click();
    expect((await fact(page, 'time').textContent()) ?? '').toMatch(ZH_TIME);
    expect(await fact(page, 'description').textContent()).toBe('通行');
    await htRow.getByTestId('doortest-evidence-toggle').click();

    // A walk-through answered by an event name no table has (ZKBio's own untranslated key, §2.27.1).
    await page.getByTestId('doortest-kind').selectOption('walk');
    await page.getByTestId('doortest-person').fill(person.pin);
    await run(page, BACKENDS.zkbio, zkDoor.id, {
      waitFor: `正在等待 ${person.pin}`,
      act: () => zkbio.emitTransaction({ door: zkDoor.id, pin: person.pin, eventNo: 0, eventName: 'acc_newEventNo_68' }),
    });
    const description = fact(page, 'description');
    expect(await description.getByTestId('vendor-event-name').getAttribute('data-known')).toBe('false');
    expect(await description.textContent()).toContain('acc_newEventNo_68');
    expect(await description.getByTestId('vendor-event-unknown').textContent()).toBe('（ZKBio CVSecurity 原文）');
    expect(await page.getByTestId('doortest-run-panel').textContent()).toContain('完成：共测试 1 个门。');
    await page.screenshot({ path: `${shots}/door-tests-words-zh.png`, fullPage: true });

    // And the same unknown name in English.
    await page.getByTestId('lang-switch').selectOption('en');
    await expect.poll(() => description.getByTestId('vendor-event-unknown').textContent(), WAIT).toBe('(as ZKBio CVSecurity wrote it)');
    await context.close();
  }, 150_000);
});
