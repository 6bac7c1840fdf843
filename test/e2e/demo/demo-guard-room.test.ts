// Issue 15 "Done when": `npm run demo -- --guard-room` (scripts/demo-setup.ts with the guard-room
// option): the three simulators are the site's backends, their receivers run, the traffic makes
// passes and alarms; within 20 s events from all three are stored and an alarm is raised, the page
// in Chromium shows it in the header, and the demo closes cleanly.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { demoBanner } from '../../../scripts/demo-banner.ts';
import { DEMO_ZKBIO_TOKEN, startDemo, type Demo } from '../../../scripts/demo-setup.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { launchE2eBrowser } from '../support/site.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

describe('the guard-room demo (issue 15)', () => {
  let demo: Demo | undefined;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemo({ dataDir: join(tempDir(), 'demo'), staticDir: join(root, 'out', 'renderer'), guardRoom: { trafficIntervalMs: 1_000 } });
    browser = await launchE2eBrowser('none');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('stores events from all three backends, raises an alarm the page shows, and closes cleanly', async () => {
    if (!demo?.guardRoom) throw new Error('no guard room');
    const { core, siteId } = demo;
    const { backendIds } = demo.guardRoom;
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(demo.url);

    const from = new Date(Date.now() - 60 * 60_000).toISOString();
    const storedBy = async () => {
      const { events } = await call(core, 'history.search', { siteId, from, to: new Date(Date.now() + 60 * 60_000).toISOString(), limit: 500 });
      return [...new Set(events.map((e) => e.backendId))].sort();
    };
    await expect.poll(storedBy, WAIT).toEqual([backendIds.zkbio, backendIds.hongtu, backendIds.k30].sort());
    await expect.poll(async () => (await call(core, 'alarms.list', { siteId })).alarms.length, WAIT).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('alarm-count').getAttribute('data-count')), WAIT).toBeGreaterThan(0);

    // The demo people are enrolled and reach ZKBio.
    const { people } = await call(core, 'people.list', { siteId });
    expect(people.map((p) => p.fields.pin).sort()).toEqual([...demo.guardRoom.pins].sort());
    expect(people.every((p) => p.faceSha256 !== null)).toBe(true);
    await context.close();

    const closing = demo;
    demo = undefined;
    await closing.close();
    await expect(fetch(closing.url)).rejects.toThrow();
  }, 120_000);

  it('the banner says what to watch, in English and Chinese, only with --guard-room', () => {
    const input = { url: 'http://x/#t', dataDir: 'data', zkbio: { url: 'z', token: DEMO_ZKBIO_TOKEN }, hongtu: { url: 'h', appKey: 'a', secretKey: 's' }, k30: { url: 'k', companyNo: 'c' } };
    const banner = demoBanner({ ...input, guardRoom: true });
    for (const text of ['Live page', 'Alarms', 'History', 'Visitors', '“实时”页面', '报警', '“通行记录”页面', '“访客”页面']) expect(banner).toContain(text);
    expect(demoBanner(input)).not.toContain('Guard room');
    expect(demoBanner(input)).toContain('npm run demo -- --guard-room');
  });
});
