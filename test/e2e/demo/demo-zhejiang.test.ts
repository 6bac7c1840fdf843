// Issue 16 "Done when": the Zhejiang leg of `npm run demo`, in Chromium, against exactly what
// startDemo starts and with what its banner prints: ZKBio added as the site's backend and its
// inventory read; on the Bridge page the bridge added with the banner's values (TCP, HTTPS URL, the
// pinned fingerprint, the three credentials), its connection tested, a banner sn added standing for a
// ZKBio door and seen online; `zj task` from the demo console loads workers that reach "reported" on
// the page, ZKBio (with their faces) and the People page; `walk zkbio <pin> <door>` from the console
// reaches the platform as one sign-in of that worker.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPin } from '../../../electron/bridge/worker-pin.ts';
import { call } from '../../../electron/cli/call.ts';
import { en } from '../../../shared/i18n/en.ts';
import { consoleAnswer } from '../../../scripts/demo-console.ts';
import { demoBanner } from '../../../scripts/demo-banner.ts';
import { DEMO_ZKBIO_TOKEN, startDemo, type Demo } from '../../../scripts/demo-setup.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

describe('the README’s demo day, Zhejiang leg (issue 16)', () => {
  let demo: Demo;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemo({ dataDir: join(tempDir(), 'demo'), staticDir: join(root, 'out', 'renderer') });
    browser = await launchE2eBrowser('none');
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('configures the bridge from the banner, sees the device online, loads a task onto ZKBio and reports a pass to the platform', async () => {
    const { zkbio, zhejiang, core, siteId } = demo;
    const sims = { zkbio, hongtu: demo.hongtu, zhejiang };
    // What the banner prints for the platform: the values typed below.
    const banner = demoBanner({
      url: demo.url,
      dataDir: 'data',
      zkbio: { url: zkbio.url, token: DEMO_ZKBIO_TOKEN },
      hongtu: { url: demo.hongtu.url, appKey: demo.hongtu.appKey, secretKey: demo.hongtu.secretKey },
      k30: { url: demo.k30.url, companyNo: demo.k30.companyNo },
      zhejiang: { tcp: zhejiang.tcpAddress, url: zhejiang.apiUrl, accessId: zhejiang.accessId, accessKey: zhejiang.accessKey, accessSecret: zhejiang.accessSecret, devices: zhejiang.devices, adminToken: zhejiang.adminToken, fingerprint256: zhejiang.fingerprint256 },
    });
    for (const value of [zhejiang.tcpAddress, zhejiang.apiUrl, zhejiang.accessId, zhejiang.accessKey, zhejiang.accessSecret, zhejiang.fingerprint256 ?? '-', zhejiang.devices[0]!]) expect(banner).toContain(value);
    const sn = zhejiang.devices[0]!;

    // ZKBio as the site's backend and its inventory (the UI path is covered by demo-day).
    const backend = await call(core, 'backends.add', { siteId, vendor: 'zkbio', name: 'ZKBio CVSecurity', baseUrl: zkbio.url, credentials: { token: DEMO_ZKBIO_TOKEN } });
    await call(core, 'backends.inventory', { id: backend.id, refresh: true });
    const door = zkbio.state.doors[0]!;

    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1500, height: 1200 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(demo.url);
    await page.getByTestId('nav-bridge').click();
    await page.getByTestId('bridge-settings').waitFor(WAIT);

    // The bridge, with the banner's values and its certificate pinned.
    await page.getByTestId('bridge-name').fill('Zhejiang platform');
    await page.getByTestId('bridge-tcp').fill(zhejiang.tcpAddress);
    await page.getByTestId('bridge-url').fill(zhejiang.apiUrl);
    await page.getByTestId('bridge-tls').selectOption('pinned');
    await page.getByTestId('bridge-fingerprint').fill(zhejiang.fingerprint256 ?? '');
    await page.getByTestId('bridge-accessId').fill(zhejiang.accessId);
    await page.getByTestId('bridge-accessKey').fill(zhejiang.accessKey);
    await page.getByTestId('bridge-accessSecret').fill(zhejiang.accessSecret);
    await page.getByTestId('bridge-save').click();
    await expect.poll(() => page.getByTestId('bridge-saved').textContent(), WAIT).toBe(en.bridgePage.settings.added);
    // A 5 s heartbeat, so the task below is picked up soon (the platform names tasks in heartbeats).
    await page.getByTestId('bridge-advanced').locator('summary').click();
    await page.getByTestId('bridge-adv-heartbeatSeconds').fill('5');
    await page.getByTestId('bridge-adv-save').click();
    await expect.poll(() => page.getByTestId('bridge-adv-saved').count(), WAIT).toBe(1);

    // A banner sn standing for the ZKBio door: it comes online (the demo runs the bridge).
    await page.getByTestId('bridge-device-sn').fill(sn);
    await page.locator(`[data-testid="bridge-door-option"][data-door="${backend.id}/${door.id}"]`).check();
    await page.getByTestId('bridge-device-add').click();
    const row = page.locator(`[data-testid="bridge-device-row"][data-sn="${sn}"]`);
    await expect.poll(() => row.getByTestId('bridge-device-doors').textContent(), WAIT).toContain(door.name);
    await expect.poll(() => row.getByTestId('bridge-device-status').getAttribute('data-status'), WAIT).toBe('online');
    expect(consoleAnswer(sims, ['zj', 'devices'])).toContain(`${sn}  online`);

    // Test connection: every check ok.
    await page.getByTestId('bridge-test-run').click();
    await expect.poll(() => page.getByTestId('bridge-test-result').getAttribute('data-ok'), WAIT).toBe('true');

    // `zj task <sn> 2` in the demo console: the task reaches "reported" on the page.
    const answer = consoleAnswer(sims, ['zj', 'task', sn, '2']);
    const taskid = /task (\S+) \(T_SEND_PERSON\)/.exec(answer)?.[1] ?? '';
    expect(taskid).not.toBe('');
    const workers = zhejiang.tasks.all().find((task) => task.taskid === taskid)?.workers ?? [];
    expect(workers).toHaveLength(2);
    const taskRow = page.locator(`[data-testid="bridge-task-row"][data-taskid="${taskid}"]`);
    await expect.poll(() => taskRow.getAttribute('data-state'), { timeout: 30_000 }).toBe('reported');
    expect(await taskRow.getByTestId('bridge-task-what').textContent()).toBe('Load workers');
    expect(zhejiang.statuses.filter((s) => s.taskid === taskid)).toEqual([expect.objectContaining({ status: 1, failedPersons: [], failedFaces: [] })]);
    await page.screenshot({ path: join(shots, 'demo-zhejiang-bridge.png'), fullPage: true });

    // The workers are on ZKBio, with their faces, and on the People page.
    const pins = workers.map((worker) => workerPin(worker.personId));
    for (const [i, pin] of pins.entries()) {
      const person = zkbio.state.persons.get(pin) ?? [...zkbio.state.persons.values()].find((p) => p.pin === pin);
      expect(person?.name).toBe(workers[i]!.name);
      expect(person?.photo?.size).toBeGreaterThan(0);
    }
    await page.getByTestId('nav-people').click();
    for (const pin of pins) await page.locator(`[data-testid="person-row"][data-pin="${pin}"]`).waitFor(WAIT);

    // `walk zkbio <pin> <door>`: one sign-in of that worker at the platform.
    expect(consoleAnswer(sims, ['walk', 'zkbio', pins[0]!, ...door.name.split(' ')])).toContain(door.name);
    await expect.poll(() => zhejiang.signIns.filter((s) => s.personId === workers[0]!.personId).length, { timeout: 30_000 }).toBe(1);
    expect(zhejiang.signIns.filter((s) => s.personId === workers[0]!.personId)[0]?.sn).toBe(sn);
    expect(consoleAnswer(sims, ['zj', 'signins'])).toContain(`${sn}  ${workers[0]!.personId}`);
    await context.close();
  }, 120_000);
});
