import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../support/chromium.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { shots } from './site.ts';

export { shots };

/** `npm run web`'s server on a fresh data folder, and Chromium to drive it. */
export interface App {
  readonly web: WebProcess;
  readonly browser: Browser;
  open(route: string, locale?: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** The window size of the contexts `open` makes (default 1360 × 900). */
  viewport?: { width: number; height: number };
}

export async function startApp(dataDir: string, { viewport = { width: 1360, height: 900 } }: AppOptions = {}): Promise<App> {
  const web = await startWebProcess(dataDir);
  const browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
  return {
    web,
    browser,
    async open(route, locale = 'en-US') {
      const context = await browser.newContext({ locale, viewport });
      const page = await context.newPage();
      await page.goto(web.url);
      await page.getByTestId(`nav-${route}`).click();
      return { context, page };
    },
    async close() {
      await browser.close();
      await web.stop();
    },
  };
}

/** Creates a site on the Sites page and makes it the current one. */
export async function createSite(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-sites').click();
  await page.getByTestId('site-name-input').fill(name);
  await page.getByTestId('site-add').click();
  const row = page.getByTestId('site-row').filter({ hasText: name });
  await row.getByTestId('site-select').click();
  await expect.poll(() => page.getByTestId('current-site').locator('option:checked').textContent()).toBe(name);
}

export type BackendForm = { vendor: 'zkbio'; url: string; token: string; name?: string } | { vendor: 'hongtu'; url: string; appKey: string; secret: string; name?: string }
  | { vendor: 'k30'; url: string; companyNo: string; name?: string };

/** Adds a backend through the form on the Backends page; answers its row. */
export async function addBackend(page: Page, form: BackendForm) {
  await page.getByTestId('nav-backends').click();
  await page.getByTestId('backend-add').click();
  await page.getByTestId('backend-vendor').selectOption(form.vendor);
  if (form.name) await page.getByTestId('backend-name').fill(form.name);
  await page.getByTestId('backend-url').fill(form.url);
  if (form.vendor === 'zkbio') {
    await page.getByTestId('backend-token').fill(form.token);
  } else if (form.vendor === 'k30') {
    await page.getByTestId('backend-company-no').fill(form.companyNo);
  } else {
    await page.getByTestId('backend-app-key').fill(form.appKey);
    await page.getByTestId('backend-secret').fill(form.secret);
  }
  const before = await page.getByTestId('backend-row').count();
  await page.getByTestId('backend-save').click();
  await expect.poll(() => page.getByTestId('backend-row').count()).toBe(before + 1);
  await page.getByTestId('backend-form').waitFor({ state: 'detached' });
  return page.getByTestId('backend-row').last();
}

/** "Test connection" on the open backend; answers the verdict card once the spinner has gone. */
export async function testConnection(page: Page) {
  await page.getByTestId('backend-test').click();
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor({ timeout: 30_000 });
  return verdict;
}
