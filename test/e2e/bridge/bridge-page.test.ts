import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPin } from '../../../electron/bridge/worker-pin.ts';
import { BridgeSigninsTable } from '../../../electron/store/bridge-signins-table.ts';
import { DB_FILE_NAME } from '../../../electron/store/database.ts';
import { en } from '../../../shared/i18n/en.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../simulators/zhejiang/server.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { selfSignedCertificate, type SelfSigned } from '../../support/tls-cert.ts';
import { cliJson } from '../support/cli.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
const ZONE = 'Asia/Shanghai';
const PARKED = { firstMs: 365 * 86_400_000, maxMs: 365 * 86_400_000 };
const WORKER = { personId: '4508004291609639001', name: '王建国', photo: 'ok' } as const;

/**
 * Issue 16 item 5 in Chromium: the Bridge page against the Zhejiang simulator (HTTPS with a pinned
 * certificate) and a K30 backend for the site's doors. One app and one simulator for the file.
 */
describe('Bridge page', () => {
  let k30: K30Simulator;
  let sim: ZhejiangSimulator;
  let web: WebProcess;
  let browser: Browser;
  let dataDir: string;
  let cert: SelfSigned;
  let doorName: string;
  let doorId: string;
  /** The K30 level (region) covering that door. */
  let level: { id: string; name: string };

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.7' });
    cert = selfSignedCertificate('127.0.0.7');
    sim = await startZhejiangSimulator({ host: '127.0.0.7', tls: { key: cert.key, cert: cert.cert } });
    dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate house', '--time-zone', ZONE);
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo, '--name', 'K30 gate');
    const inventory = await cliJson<{ accessLevels: { id: string; name: string; doorIds: string[] | null }[] }>(dataDir, 'backend', 'inventory', '1');
    const { doors } = await cliJson<{ doors: { name: string; doorId: string }[] }>(dataDir, 'doors', 'list');
    doorName = doors[0]!.name;
    doorId = doors[0]!.doorId;
    level = inventory.accessLevels.find((l) => l.doorIds?.includes(doorId))!;
    // The platform's API is pinned on the page; its worker photos (same host here) are read with the
    // same pin (the task executor trusts the platform's own host as the bridge's TLS setting says).
    web = await startWebProcess(dataDir);
    browser = await launchE2eBrowser('none');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await sim?.close();
    await k30?.close();
  });

  async function open(locale: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext({ locale, viewport: { width: 1500, height: 1200 } });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-bridge').click();
    await page.getByTestId('bridge-settings').waitFor(WAIT);
    return { page, close: () => context.close() };
  }

  const deviceRow = (page: Page) => page.locator(`[data-testid="bridge-device-row"][data-sn="${sim.devices[0]}"]`);

  it('adds a bridge, maps a device to a door, edits its level, goes online, tests the connection, shows a task, retries a failed sign-in and shows a pass reaching the platform', async () => {
    const { page, close } = await open('en-US');
    const sn = sim.devices[0]!;

    // 1. Settings: validation in words, then the simulator's credentials with its certificate pinned.
    await page.getByTestId('bridge-save').click();
    expect(await page.getByTestId('bridge-tcp-error').textContent()).toBe(en.bridgePage.validation.tcp);
    await page.getByTestId('bridge-name').fill('Real-name platform');
    await page.getByTestId('bridge-tcp').fill(sim.tcpAddress);
    await page.getByTestId('bridge-url').fill('http://example.test/api');
    expect(await page.getByTestId('bridge-plain-http').textContent()).toBe(en.bridgePage.settings.plainHttp);
    await page.getByTestId('bridge-url').fill(sim.apiUrl);
    expect(await page.getByTestId('bridge-plain-http').count()).toBe(0);
    await page.getByTestId('bridge-tls').selectOption('pinned');
    await page.getByTestId('bridge-fingerprint').fill(cert.fingerprint256);
    await page.getByTestId('bridge-accessId').fill(sim.accessId);
    await page.getByTestId('bridge-accessKey').fill(sim.accessKey);
    await page.getByTestId('bridge-accessSecret').fill(sim.accessSecret);
    await page.getByTestId('bridge-save').click();
    await expect.poll(() => page.getByTestId('bridge-saved').textContent(), WAIT).toBe(en.bridgePage.settings.added);
    // Write-only: shown as set, never read back.
    expect(await page.getByTestId('bridge-accessSecret-state').getAttribute('data-set')).toBe('true');
    expect(await page.getByTestId('bridge-accessSecret').inputValue()).toBe('');

    // 7. Advanced: a 5 s heartbeat (the page then hears the device every 5 s), with the digest's reason shown.
    await page.getByTestId('bridge-advanced').locator('summary').click();
    expect(await page.getByTestId('bridge-advanced').textContent()).toContain(en.bridgePage.advanced.heartbeatReason);
    await page.getByTestId('bridge-adv-heartbeatSeconds').fill('60');
    await page.getByTestId('bridge-adv-save').click();
    expect(await page.getByTestId('bridge-adv-heartbeatSeconds-error').textContent()).toBe('Enter a whole number from 5 to 55.');
    await page.getByTestId('bridge-adv-heartbeatSeconds').fill('5');
    await page.getByTestId('bridge-adv-save').click();
    await expect.poll(() => page.getByTestId('bridge-adv-saved').count(), WAIT).toBe(1);

    // 3 + 4. A device standing for a K30 door: it comes online, from the bus.
    await page.getByTestId('bridge-device-sn').fill(sn);
    await page.getByTestId('bridge-door-option').first().check();
    await page.getByTestId('bridge-device-add').click();
    const row = deviceRow(page);
    await expect.poll(() => row.getByTestId('bridge-device-doors').textContent(), WAIT).toBe(`${doorName} (K30 gate)`);
    await expect.poll(() => row.getByTestId('bridge-device-status').getAttribute('data-status'), WAIT).toBe('online');
    expect(await row.getByTestId('bridge-device-status').textContent()).toBe('online');
    await expect.poll(() => row.getByTestId('bridge-device-heartbeat-ago').textContent(), WAIT).toMatch(/^\d+ s ago$/);
    // Its door is no longer offered to another device.
    expect(await page.getByTestId('bridge-door-option').first().isDisabled()).toBe(true);

    // 1. Its workers' levels on K30: those covering its door, until one is picked by name (bridge.devices.update).
    const levelLine = row.locator('[data-testid="bridge-device-level"][data-backend="1"]');
    expect(await levelLine.textContent()).toBe(`K30 gate: ${level.name} (${en.bridgeWork.fromDoors})`);
    await row.getByTestId('bridge-device-edit').click();
    const form = page.locator('[data-testid="bridge-device-form"][data-mode="edit"]');
    expect(await form.locator('[data-testid="bridge-door-option"]').first().isChecked()).toBe(true);
    await form.locator(`[data-testid="bridge-level-option"][data-level="${level.id}"]`).check();
    await form.getByTestId('bridge-device-save').click();
    await expect.poll(() => levelLine.textContent(), WAIT).toBe(`K30 gate: ${level.name} (${en.bridgeWork.fromSet})`);
    expect(await page.getByTestId('bridge-device-saved').textContent()).toBe(en.bridgeDevices.saved.replace('{{sn}}', sn));
    expect(await page.locator('[data-testid="bridge-device-form"]').getAttribute('data-mode')).toBe('add');
    await expect.poll(() => row.getByTestId('bridge-device-status').getAttribute('data-status'), WAIT).toBe('online');
    expect(await row.getByTestId('bridge-device-last-pass').textContent()).toBe(`${en.bridgeDevices.lastPass}: ${en.bridgeDevices.noPass}`);

    // 2. Test connection: every step ok.
    await page.getByTestId('bridge-test-run').click();
    await expect.poll(() => page.getByTestId('bridge-test-result').getAttribute('data-ok'), WAIT).toBe('true');
    for (const check of ['tcp', 'auth', 'clock', 'https']) expect(await page.getByTestId(`bridge-check-${check}`).getAttribute('data-verdict')).toBe('ok');
    expect(await page.getByTestId('bridge-test-summary').textContent()).toBe(`Every check passed for device ${sn}.`);
    await page.screenshot({ path: `${shots}/bridge-page-online.png`, fullPage: true });

    // A wrong secret: C_AUTH fails with the platform's 400_04 and its advice.
    await page.getByTestId('bridge-accessSecret').fill('not-the-secret');
    await page.getByTestId('bridge-save').click();
    await expect.poll(() => page.getByTestId('bridge-saved').textContent(), WAIT).toBe(en.bridgePage.settings.saved);
    await page.getByTestId('bridge-test-run').click();
    await expect.poll(() => page.getByTestId('bridge-test-result').getAttribute('data-ok'), WAIT).toBe('false');
    const auth = page.getByTestId('bridge-check-auth');
    expect(await auth.getAttribute('data-verdict')).toBe('failed');
    expect(await auth.getByTestId('bridge-check-code').textContent()).toContain('platform error 400_04');
    expect(await auth.getByTestId('bridge-check-advice').textContent()).toContain('check accessId, accessKey and accessSecret');
    expect(await page.textContent('body')).not.toContain('not-the-secret');
    // The running session is refused too: the device's live state says so, from the bus.
    await expect.poll(() => row.getByTestId('bridge-device-status').getAttribute('data-status'), WAIT).not.toBe('online');
    await expect.poll(() => row.getByTestId('bridge-device-error').textContent(), WAIT).toContain('400_04');
    await page.screenshot({ path: `${shots}/bridge-page-wrong-secret.png`, fullPage: true });

    // The right secret again: online again.
    await page.getByTestId('bridge-accessSecret').fill(sim.accessSecret);
    await page.getByTestId('bridge-save').click();
    // The verdict about the old secret is gone with the change.
    await expect.poll(() => page.getByTestId('bridge-test-result').count(), WAIT).toBe(0);
    await expect.poll(() => row.getByTestId('bridge-device-status').getAttribute('data-status'), WAIT).toBe('online');

    // 5. A task queued on the platform appears in the history, its apicode in words.
    const task = sim.queueTask({ sn, apicode: 'T_CLEAR_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    const taskRow = page.locator(`[data-testid="bridge-task-row"][data-taskid="${task.taskid}"]`);
    await expect.poll(() => taskRow.count(), WAIT).toBe(1);
    // Named by a heartbeat first ("Not fetched yet"), then fetched, worked on and reported: the row follows the bus.
    await expect.poll(() => taskRow.getAttribute('data-state'), WAIT).toBe('reported');
    expect(await taskRow.getByTestId('bridge-task-what').textContent()).toBe('Clear all workers');

    // 6. A sign-in the platform refused waits for a retry from the page; Retry sends it.
    const db = new BetterSqlite3(join(dataDir, DB_FILE_NAME));
    db.pragma('busy_timeout = 5000');
    const signins = new BridgeSigninsTable(db);
    const deviceId = (db.prepare('SELECT id FROM bridge_devices WHERE sn = ?').get(sn) as { id: number }).id;
    const recordTime = Date.now() - 90_000;
    db.transaction(() => {
      signins.enqueue({ deviceId, backendId: 1, eventId: 'e2e-1', personId: 'W-42', recordTime, type: '1' }, Date.now());
      const id = (db.prepare("SELECT id FROM bridge_signins WHERE event_id = 'e2e-1'").get() as { id: number }).id;
      signins.failed(id, '500_01: system error', Date.now(), PARKED);
    })();
    db.close();
    const failed = page.locator('[data-testid="bridge-queue-row"][data-person="W-42"]');
    await expect.poll(() => failed.count(), WAIT).toBe(1);
    expect(await failed.getByTestId('bridge-queue-error').textContent()).toContain('500_01');
    expect(await page.getByTestId('bridge-queue-depth').textContent()).toContain('1 record waiting');
    await page.screenshot({ path: `${shots}/bridge-page-queue.png`, fullPage: true });
    await failed.getByTestId('bridge-queue-retry').click();
    expect(await page.getByTestId('bridge-queue-retried').textContent()).toBe('1 record is due again now.');
    await expect.poll(() => sim.signIns.filter((s) => s.personId === 'W-42' && s.recordTime === recordTime).length, WAIT).toBe(1);
    await expect.poll(() => failed.count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('bridge-queue-depth').getAttribute('data-depth'), WAIT).toBe('0');
    // The platform's acknowledgement shows as the device's last pass reported (no Doorman name: its worker id).
    await expect.poll(() => row.getByTestId('bridge-device-last-pass').getAttribute('data-person'), WAIT).toBe('W-42');

    // 2. The whole chain: the platform loads a worker, the worker walks through the door, the platform acknowledges the pass.
    const load = sim.queueTask({ sn, apicode: 'T_SEND_PERSON', workers: [WORKER], personIds: [], param: undefined });
    const loadRow = page.locator(`[data-testid="bridge-task-row"][data-taskid="${load.taskid}"]`);
    await expect.poll(() => loadRow.getAttribute('data-state'), WAIT).toBe('reported');
    expect(sim.statuses.find((s) => s.taskid === load.taskid)).toMatchObject({ status: 1, failedPersons: [], failedFaces: [] });
    expect(await row.getByTestId('bridge-device-last-task').textContent()).toBe(`${en.bridgeDevices.lastTask}: Load workers: ${en.bridgeWork.state.reported}`);
    const person = [...k30.state.people.values()].find((p) => p.jobnumber === workerPin(WORKER.personId))!;
    expect(person.devices).toContain(doorId);
    k30.emitPassRecord({ deviceno: doorId, peopleno: person.no });
    await expect.poll(() => sim.signIns.filter((s) => s.personId === WORKER.personId).length, WAIT).toBe(1);
    await expect.poll(() => row.getByTestId('bridge-device-last-pass').getAttribute('data-person'), WAIT).toBe(WORKER.personId);
    const line = await row.getByTestId('bridge-device-last-pass-line').textContent();
    expect(line).toMatch(new RegExp(`^${WORKER.name} at .+, acknowledged .+$`));
    // The record time in the site's zone, as the platform received it.
    const sent = sim.signIns.find((s) => s.personId === WORKER.personId)!;
    // (The K30 simulator tells its records' wall-clock times in this computer's zone, the site's zone reads them: on a
    // computer not in Asia/Shanghai the record time shown is shifted by the difference, as the platform received it.)
    expect(line).toContain(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(sent.recordTime));
    expect(await row.getByTestId('bridge-device-pass-count').textContent()).toBe('2 acknowledged since the bridge started');
    await page.screenshot({ path: `${shots}/bridge-page-last-pass.png`, fullPage: true });
    await close();
  }, 150_000);

  it('shows the same page in Chinese', async () => {
    const { page, close } = await open('zh-CN');
    expect(await page.locator('.page-title').textContent()).toBe(zhCN.bridgePage.title);
    const row = deviceRow(page);
    await expect.poll(() => row.getByTestId('bridge-device-status').textContent(), WAIT).toBe(zhCN.bridgePage.state.status.online);
    expect(await page.getByTestId('bridge-task-what').allTextContents()).toContain('清空人员');
    await page.getByTestId('bridge-test-run').click();
    await expect.poll(() => page.getByTestId('bridge-test-result').getAttribute('data-ok'), WAIT).toBe('true');
    expect(await page.getByTestId('bridge-check-auth').textContent()).toContain(zhCN.bridgePage.test.check.auth);
    expect(await page.getByTestId('bridge-check-auth').textContent()).toContain(zhCN.bridgePage.test.verdict.ok);
    expect(await page.getByTestId('bridge-accessSecret-state').textContent()).toContain(zhCN.bridgePage.settings.credentialSet);
    expect(await row.getByTestId('bridge-device-last-pass').textContent()).toContain(`${zhCN.bridgeDevices.lastPass}:`);
    expect(await row.getByTestId('bridge-device-pass-count').textContent()).toBe('自对接启动以来已确认 2 条');
    expect(await row.getByTestId('bridge-device-level').textContent()).toContain(zhCN.bridgeWork.fromSet);
    await page.screenshot({ path: `${shots}/bridge-page-zh-CN.png`, fullPage: true });
    await close();
  }, 60_000);
});
