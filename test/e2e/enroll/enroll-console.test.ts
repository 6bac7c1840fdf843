import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebProcess } from '../../support/web-process.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-enroll-console-token';
const WAIT = { timeout: 20_000 };

/**
 * The Enroll page under the app's own Content-Security-Policy (`style-src 'self'`) logs nothing in
 * the browser console: no CSP violation for an inline style, no error (issue 12 item 17).
 */
describe('Enroll page: a clean browser console', () => {
  let site: E2eSite;
  let web: WebProcess;
  let browser: Browser;

  beforeAll(async () => {
    site = await startE2eSite({ token: TOKEN, camera: 'astronaut' });
    ({ web, browser } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  /** Opens the app with every console error and warning, page error and CSP violation collected. */
  async function watched(locale: string) {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1100 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // A refused eval is reported to DevTools' Issues, not always as a console line: listen for it too.
    await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (event) => void window.reportViolation(event.violatedDirective + ' ' + event.blockedURI));",
    });
    await page.goto(web.url);
    return { context, page, problems };
  }

  it.each(['en-US', 'zh-CN'])('logs no console error or CSP violation while the clerk captures and fills in the form (%s)', async (locale) => {
    const { context, page, problems } = await watched(locale);
    await page.getByTestId('nav-enroll').click();
    await page.getByTestId('enroll-pin').fill('C1001');
    await page.getByTestId('enroll-name').fill('Console Check');
    await page.getByTestId('enroll-id-number').fill('11010519491231002');
    await page.getByTestId('enroll-id-number-error').waitFor(WAIT);
    await page.locator(`[data-testid="enroll-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    // The camera runs and the face detector loads (WebAssembly from our own origin) and captures.
    await expect.poll(() => page.getByTestId('face-captured').count(), { timeout: 45_000 }).toBe(1);
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('nav-enroll').click();
    await page.getByTestId('enroll-pin').waitFor(WAIT);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('stays clean when the clerk comes to Enroll from the commissioning report (its styles are not inline)', async () => {
    const { context, page, problems } = await watched('zh-CN');
    await page.getByTestId('nav-report').click();
    // The report is parsed and shown in the page (report-document.ts), its headline in its shadow root.
    await page.getByTestId('report-frame').locator('h1').first().waitFor(WAIT);
    await page.getByTestId('nav-enroll').click();
    await page.getByTestId('enroll-pin').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('face-captured').count(), { timeout: 45_000 }).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
