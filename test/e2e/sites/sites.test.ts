import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

describe('Sites page over the WebSocket transport', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp(tempDir(), { viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function open(locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await app.open('sites', locale);
    await page.getByTestId('site-name-input').waitFor();
    return { context, page };
  }

  const row = (page: Page, name: string) => page.getByTestId('site-row').filter({ hasText: name });

  it('creates a site that is still there after a reload, renames it, selects it and deletes it', async () => {
    const { context, page } = await open();
    expect(page.url()).not.toContain(app.web.token);

    await page.getByTestId('site-name-input').fill('Demo');
    await page.getByTestId('site-add').click();
    await row(page, 'Demo').waitFor();

    await page.reload();
    await row(page, 'Demo').waitFor();

    await row(page, 'Demo').getByTestId('site-rename').click();
    const renameInput = page.getByTestId('site-rename-input');
    await renameInput.fill('Demo North');
    await renameInput.press('Enter');
    await row(page, 'Demo North').waitFor();

    await row(page, 'Demo North').getByTestId('site-select').click();
    await expect.poll(() => page.getByTestId('current-site').inputValue()).not.toBe('');
    const currentText = await page.getByTestId('current-site').locator('option:checked').textContent();
    expect(currentText).toContain('Demo North');
    await page.screenshot({ path: `${shots}/sites-en.png` });

    await page.getByTestId('site-name-input').fill('demo north');
    await page.getByTestId('site-add').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('already exists');

    await row(page, 'Demo North').getByTestId('site-delete').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => row(page, 'Demo North').count()).toBe(0);
    await page.reload();
    await page.getByTestId('site-name-input').waitFor();
    expect(await row(page, 'Demo North').count()).toBe(0);
    await context.close();
  });

  it('switches to Chinese and keeps the choice', async () => {
    const { context, page } = await open();
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('nav-sites').textContent()).toContain('工地');
    expect(await page.getByTestId('site-add').textContent()).toContain('添加工地');
    await page.getByTestId('site-name-input').fill('杭州三号地块');
    await page.getByTestId('site-add').click();
    await row(page, '杭州三号地块').waitFor();
    await page.getByTestId('site-name-input').fill('杭州三号地块');
    await page.getByTestId('site-add').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('已有名为“杭州三号地块”的工地');
    await page.screenshot({ path: `${shots}/sites-zh.png` });
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-sites').textContent()).toContain('工地');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await context.close();
  });

  it('starts in Chinese on a Chinese system', async () => {
    const { context, page } = await open('zh-CN');
    await expect.poll(() => page.getByTestId('nav-sites').textContent()).toContain('工地');
    await context.close();
  });

  it('refuses the API to a browser without the token, and says which link to open', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    // The page itself is public code: it loads, and tells the user what is missing.
    const response = await page.goto(`${app.web.base}/`);
    expect(response?.status()).toBe(200);
    await page.getByTestId('connection-lost').waitFor();
    expect(await page.getByTestId('connection-lost').textContent()).toContain('Access refused: the link is missing its token');
    const refused = await page.evaluate(
      ([url, wrong]) =>
        Promise.all(
          [[], ['doorman', `doorman.token.${wrong}`]].map(
            (protocols) =>
              new Promise<boolean>((resolve) => {
                const ws = new WebSocket(url, protocols);
                ws.onopen = () => resolve(false);
                ws.onerror = () => resolve(true);
              }),
          ),
        ),
      [`${app.web.base.replace('http', 'ws')}/api`, 'not-the-token'] as const,
    );
    expect(refused).toEqual([true, true]);
    await context.close();
  });
});
