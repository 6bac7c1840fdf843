import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

describe('status lines do not linger (issue 12 item 8)', () => {
  let app: App;

  beforeAll(async () => {
    const dataDir = tempDir();
    // One person to delete on the People page (the backend is never reached: the delete waits in the outbox).
    for (const args of [
      ['sites', 'add', 'Block 9'],
      ['sites', 'select', '1'],
      ['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', 'http://127.0.0.1:9', '--token', 'T'],
      ['enroll', '--site', '1', '--pin', 'S1001', '--name', 'Li Lei', '--backend', '1'],
    ]) {
      const run = runCliProcess([...args, '--data-dir', dataDir]);
      if (run.code !== 0) throw new Error(`cli ${args.join(' ')}: ${run.stderr}`);
    }
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('a success line shows for ten seconds, then goes by itself; a newer one is not cut short by the older one', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    // The page's own clock, stepped by the test: no waiting, no wall-clock assertion.
    await page.clock.install();
    await page.goto(app.web.url);
    await page.getByTestId('nav-sites').click();
    const toast = page.getByTestId('status').locator('.toast');

    await page.getByTestId('site-name-input').fill('Block 1');
    await page.getByTestId('site-add').click();
    await expect.poll(() => toast.textContent()).toContain('Block 1');
    expect(await toast.getAttribute('data-kind')).toBe('success');
    // Long enough to read (the shell used to drop it after 6 s)…
    await page.clock.runFor(8_000);
    expect(await toast.textContent()).toContain('Block 1');
    // …then gone by itself, not left for minutes.
    await page.clock.runFor(3_000);
    await expect.poll(() => toast.count()).toBe(0);

    // A newer line is not cut short by the older line's timer.
    await page.getByTestId('site-name-input').fill('Block 2');
    await page.getByTestId('site-add').click();
    await expect.poll(() => toast.textContent()).toContain('Block 2');
    await page.clock.runFor(9_000);
    await page.getByTestId('site-name-input').fill('Block 3');
    await page.getByTestId('site-add').click();
    await expect.poll(() => toast.textContent()).toContain('Block 3');
    await page.clock.runFor(2_000);
    expect(await toast.textContent()).toContain('Block 3');
    await page.clock.runFor(9_000);
    await expect.poll(() => toast.count()).toBe(0);
    await context.close();
  });

  it('the People page’s “deleted” line goes by itself too', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(app.web.url);
    await page.getByTestId('nav-people').click();
    await page.locator('[data-testid="person-row"][data-pin="S1001"]').getByTestId('person-delete').click();
    await page.getByTestId('confirm-delete').click();
    const notice = page.getByTestId('people-notice');
    await expect.poll(() => notice.textContent()).toContain('Li Lei');
    await page.clock.runFor(8_000);
    expect(await notice.textContent()).toContain('Li Lei');
    await page.clock.runFor(3_000);
    await expect.poll(() => notice.count()).toBe(0);
    await context.close();
  });
});
