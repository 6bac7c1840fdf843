import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../electron/drivers/k30/timestamp.ts';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { WsTestClient } from '../../support/ws-client.ts';
import { callK30 } from '../../vendors/k30/integration/k30-http.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/**
 * K30's callbacks in the running app (issue 14 item 5): the web server's receiver started over the
 * local API, its URL "typed into the K30 software" (the simulator's callback URL), a door test in
 * Chromium that passes by the UploadRecord callback — K30's clock is a year behind, so polling
 * record.list from the test's start cannot find the record — and an authstatus reaching a client
 * of the API live (the Sync page's `outbox.deviceResult`) and `outbox.deviceResults`.
 */
describe('Door tests page: a K30 backend with the callback receiver', () => {
  let k30: K30Simulator;
  let app: App;
  let api: WsTestClient;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.6', clock: () => new Date(Date.now() - 366 * 24 * 3600 * 1000), maxSkewMs: 0 });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate 2');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo);
    await cliJson(dataDir, 'backend', 'inventory', '1');
    app = await startApp(dataDir);
    api = await WsTestClient.connect(`${app.web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${app.web.token}` });
    await api.send({ type: 'subscribe', event: 'outbox.deviceResult' });
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await k30?.close();
  });

  it('passes a remote-open door test on the callback, and reports per-device results live', async () => {
    const started = await api.invoke('receivers.start', { backendId: 1, host: '127.0.0.1', signCheck: 'strict' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const { url, registration } = started.output as { url: string; registration: string };
    expect(registration).toBe('manual');
    k30.callbacks.configure({ url });

    const { context, page } = await app.open('sites');
    await page.getByTestId('nav-door-tests').click();
    await page.getByTestId('doortest-backend').selectOption('1');
    await page.locator(`[data-testid="doortest-door"][data-door-id="${SEED_IDS.gateIn}"]`).check();
    await page.getByTestId('doortest-timeout').fill('15');
    await page.getByTestId('doortest-run').click();
    const row = page.locator(`[data-testid="doortest-result-row"][data-door-id="${SEED_IDS.gateIn}"]`).first();
    await expect.poll(() => row.getAttribute('data-verdict'), WAIT).toBe('pass');
    await row.getByTestId('doortest-evidence-toggle').click();
    await expect.poll(() => page.getByTestId('doortest-evidence').getByTestId('doortest-event').textContent(), WAIT).toContain('Remote open');
    await page.screenshot({ path: `${shots}/door-tests-k30-callback.png`, fullPage: true });
    await context.close();

    const status = await api.invoke('receivers.status', { backendId: 1 });
    expect(status).toMatchObject({ ok: true, output: { running: true, registration: 'manual', stored: 1 } });
    expect((status as { output: { lastReceivedAt: string | null } }).output.lastReceivedAt).not.toBeNull();

    // A people.sync (made by any caller; this simulator checks no clock skew): its authstatus reaches the API's clients as it arrives.
    const before = api.events.length;
    await callK30(k30.url, '/openapi/people/syncwhitelist', { no: SEED_IDS.zhangSan, device_nos: SEED_IDS.gateIn }, { companyNo: k30.companyNo, timestamp: formatTimestamp(new Date()) });
    await expect.poll(() => api.events.slice(before).find((e) => e.event === 'outbox.deviceResult')?.payload, WAIT).toMatchObject({ siteId: 1, backendId: 1, personNo: SEED_IDS.zhangSan, deviceNo: SEED_IDS.gateIn, ok: true });
    const results = await api.invoke('outbox.deviceResults', { siteId: 1 });
    expect(results).toMatchObject({ ok: true, output: { results: [{ backendId: 1, personNo: SEED_IDS.zhangSan, deviceNo: SEED_IDS.gateIn, ok: true, message: '上报成功', pin: null }] } });
  }, 120_000);
});
