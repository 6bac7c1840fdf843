import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

interface Seen {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** Another server on 127.0.0.1, as any program on the computer may run one: it records every request. */
async function startOtherServer(): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another server</title><p>another program on this computer</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

describe('the local web server’s token', () => {
  let app: App;
  let other: Awaited<ReturnType<typeof startOtherServer>>;

  beforeAll(async () => {
    app = await startApp(tempDir());
    other = await startOtherServer();
  });

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => (other ? other.server.close(() => resolve()) : resolve()));
  });

  it('never reaches another server on 127.0.0.1, whatever the page and the browser do', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.web.url);
    await page.getByTestId('site-name-input').waitFor();
    // The page works (its API calls carry the token) and the address bar no longer shows it.
    await page.getByTestId('site-name-input').fill('North gate');
    await page.getByTestId('site-add').click();
    await page.getByTestId('site-row').filter({ hasText: 'North gate' }).waitFor();
    expect(page.url()).not.toContain(app.web.token);

    // The same browser visits the other server: a new tab, by 127.0.0.1 and by localhost, and our
    // own page navigating there; that server's page then calls itself with credentials.
    const otherBase = `http://127.0.0.1:${other.port}`;
    const tab = await context.newPage();
    await tab.goto(`${otherBase}/tab`);
    await tab.evaluate(() => fetch('/fetch-with-credentials', { credentials: 'include' }).then((r) => r.text()));
    await tab.goto(`http://localhost:${other.port}/by-localhost`);
    await page.evaluate(`location.assign(${JSON.stringify(`${otherBase}/from-our-page`)})`);
    await page.waitForURL(`${otherBase}/from-our-page`);
    // What that server's pages can read in the browser: nothing of ours either.
    expect(await tab.evaluate<string[]>('[document.cookie, JSON.stringify({ ...sessionStorage }), JSON.stringify({ ...localStorage })]')).toEqual(['', '{}', '{}']);

    expect(other.seen.map((s) => s.url)).toEqual(expect.arrayContaining(['/tab', '/fetch-with-credentials', '/by-localhost', '/from-our-page']));
    for (const request of other.seen) {
      expect(request.url).not.toContain(app.web.token);
      expect(JSON.stringify(request.headers), request.url).not.toContain(app.web.token);
      expect(request.headers.cookie, request.url).toBeUndefined();
    }
    // No cookie at all: nothing a cookie jar could hand to another port.
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('still opens from an old `?token=` link, and takes the token out of the address', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.web.base}/?token=${app.web.token}`);
    await page.getByTestId('site-name-input').waitFor();
    expect(page.url()).not.toContain(app.web.token);
    // A reload in the same tab keeps working (the tab keeps the token), with no cookie.
    await page.reload();
    await page.getByTestId('site-name-input').waitFor();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
