import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorTestResult } from '../../../shared/contract/door-tests.ts';
import { formatTime, localTimeZone } from '../../../shared/i18n/format-time.ts';
import { shots } from '../support/app.ts';
import { cliAnswer } from '../support/cli.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-site-time-zone-token';
const WAIT = { timeout: 20_000 };
/** A zone eight or more hours away from this computer's, whatever that is. */
const HERE = localTimeZone();
const SITE_ZONE = HERE === 'Asia/Shanghai' ? 'America/Sao_Paulo' : 'Asia/Shanghai';

/**
 * Issue 12 item 9: every time in the site's time zone. The site, created on this computer, starts
 * in its zone; the installer sets the site's zone on the Sites page; Door tests and the Report then
 * write the door tests' times (the core's instants, Hongtu's event) in the site's zone, and ZKBio's
 * zone-less wall-clock time as the backend wrote it.
 */
describe('Sites page: a time zone per site, used by Door tests and the Report', () => {
  let site: E2eSite;
  let zkResult: DoorTestResult;
  let htResult: DoorTestResult;

  beforeAll(async () => {
    site = await startE2eSite({
      token: TOKEN,
      prepare: async (dataDir, { zkbio, hongtuDoorId }) => {
        // door-test answers its verdict, pass or not.
        const doorTest = (backendId: number, doorId: string) => cliAnswer<DoorTestResult>(dataDir, 'door-test', String(backendId), '--door', doorId, '--installer', 'Li Lei');
        const zkDoor = zkbio.state.doors[0];
        if (!zkDoor) throw new Error('the ZKBio seed has doors');
        zkResult = await doorTest(BACKENDS.zkbio, zkDoor.id);
        htResult = await doorTest(BACKENDS.hongtu, hongtuDoorId);
        expect([zkResult.verdict, htResult.verdict]).toEqual(['pass', 'pass']);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  async function open(locale: string, route: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await site.open({ locale, height: 1000 });
    await page.getByTestId(`nav-${route}`).click();
    return { context, page };
  }

  const resultRow = (page: Page, result: DoorTestResult): Locator => page.locator(`[data-testid="doortest-result-row"][data-result-id="${result.id}"]`);
  const startedCell = (page: Page, result: DoorTestResult): Locator => resultRow(page, result).locator('td').nth(4);
  const at = (value: string, lang: string, timeZone: string) => formatTime(value, lang, { timeZone, seconds: true });

  it('sets the site’s zone on the Sites page (this computer’s zone first), and Door tests and the Report show the times in it', async () => {
    const { context, page } = await open('en-US', 'sites');
    const picker = page.getByTestId('site-row').filter({ hasText: 'Block 3' }).getByTestId('site-time-zone');
    // The site was made on this computer: its zone, offered first and marked.
    await expect.poll(() => picker.inputValue(), WAIT).toBe(HERE);
    expect(await picker.locator('option').first().textContent()).toBe(`${HERE} (this computer)`);
    expect(await picker.getAttribute('aria-label')).toBe('Time zone of "Block 3"');
    await picker.selectOption(SITE_ZONE);
    await expect.poll(() => page.getByTestId('status').textContent(), WAIT).toContain(`Times of "Block 3" now shown in ${SITE_ZONE}.`);
    await page.reload();
    await expect.poll(() => page.getByTestId('site-row').filter({ hasText: 'Block 3' }).getByTestId('site-time-zone').inputValue(), WAIT).toBe(SITE_ZONE);
    await page.screenshot({ path: `${shots}/sites-time-zone-en.png`, fullPage: true });

    // Door tests: each test's start in the site's zone, not this computer's.
    await page.getByTestId('nav-door-tests').click();
    for (const result of [zkResult, htResult]) {
      await expect.poll(() => startedCell(page, result).textContent(), WAIT).toBe(at(result.startedAt, 'en', SITE_ZONE));
      expect(at(result.startedAt, 'en', SITE_ZONE)).not.toBe(at(result.startedAt, 'en', HERE));
    }
    // Hongtu's event (a UTC instant) in the site's zone; ZKBio's wall-clock time as the backend wrote it.
    const htInstant = htResult.evidence.event?.occurredAt ?? '';
    expect(htInstant).toMatch(/Z$/);
    // Opens a result's evidence and reads its event time; opens it again if a live update redrew the
    // row in between (a loaded machine), rather than waiting on a panel that closed.
    const evidenceTime = async (result: typeof htResult) => {
      const row = resultRow(page, result);
      const panel = page.locator(`[data-testid="doortest-evidence"][data-result-id="${result.id}"]`);
      if ((await panel.count()) === 0) await row.getByTestId('doortest-evidence-toggle').click();
      return panel.locator('[data-fact="time"] dd').textContent({ timeout: 2_000 }).catch(() => null);
    };
    await expect.poll(() => evidenceTime(htResult), WAIT).toBe(at(htInstant, 'en', SITE_ZONE));
    await resultRow(page, htResult).getByTestId('doortest-evidence-toggle').click();
    const zkWall = zkResult.evidence.event?.occurredAt ?? '';
    expect(zkWall).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expect.poll(() => evidenceTime(zkResult), WAIT).toBe(at(zkWall, 'en', 'UTC'));
    await page.screenshot({ path: `${shots}/door-tests-time-zone-en.png`, fullPage: true });

    // The Report: the same times, and the zone named.
    await page.getByTestId('nav-report').click();
    const report = page.getByTestId('report-frame').locator('.report-body');
    await expect.poll(() => report.textContent(), WAIT).toContain(at(htResult.startedAt, 'en', SITE_ZONE));
    // Each test's "started" cell (ZKBio's event time beside it stays the backend's wall clock).
    const started = await report.locator('td.keep').allTextContents();
    expect(started).toEqual(expect.arrayContaining([zkResult, htResult].map((r) => at(r.startedAt, 'en', SITE_ZONE))));
    for (const result of [zkResult, htResult]) expect(started).not.toContain(at(result.startedAt, 'en', HERE));
    expect(await report.locator('dd').allTextContents()).toContain(SITE_ZONE);
    await context.close();
  }, 120_000);

  it('says the same in Chinese: the picker’s words, and the times in the site’s zone', async () => {
    const { context, page } = await open('zh-CN', 'sites');
    const picker = page.getByTestId('site-row').filter({ hasText: 'Block 3' }).getByTestId('site-time-zone');
    await expect.poll(() => picker.inputValue(), WAIT).toBe(SITE_ZONE);
    expect(await picker.locator('option').first().textContent()).toBe(`${HERE}（本机）`);
    expect(await page.locator('thead').textContent()).toContain('时区');
    await page.getByTestId('nav-door-tests').click();
    await expect.poll(() => startedCell(page, htResult).textContent(), WAIT).toBe(at(htResult.startedAt, 'zh-CN', SITE_ZONE));
    await page.getByTestId('nav-report').click();
    await expect.poll(() => page.getByTestId('report-frame').locator('.report-body').textContent(), WAIT).toContain(at(zkResult.startedAt, 'zh-CN', SITE_ZONE));
    await context.close();
  }, 120_000);
});
