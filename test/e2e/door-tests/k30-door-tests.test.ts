import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/** Door tests on K30 devices in Chromium (issue 14 item 6): remote open by its mode-11 pass record; the mode test not offered (no way back to normal), and why. */
describe('Door tests page: a K30 backend', () => {
  let k30: K30Simulator;
  let app: App;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.5' });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate 2');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo);
    await cliJson(dataDir, 'backend', 'inventory', '1');
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await k30?.close();
  });

  it('opens a K30 device and passes on its remote-open record, named in English; the mode test is not offered, the page says why, the device is not held', async () => {
    const { context, page } = await app.open('sites');
    await page.getByTestId('nav-door-tests').click();
    await page.getByTestId('doortest-backend').selectOption('1');
    const door = page.locator(`[data-testid="doortest-door"][data-door-id="${SEED_IDS.gateIn}"]`);
    await door.check();
    await page.getByTestId('doortest-timeout').fill('10');
    await page.getByTestId('doortest-run').click();
    const row = page.locator(`[data-testid="doortest-result-row"][data-door-id="${SEED_IDS.gateIn}"]`).first();
    await expect.poll(() => row.getAttribute('data-verdict'), WAIT).toBe('pass');
    expect(await row.getByTestId('doortest-latency').textContent()).toMatch(/^\d+ ms$/);
    await row.getByTestId('doortest-evidence-toggle').click();
    const evidence = page.getByTestId('doortest-evidence');
    await expect.poll(() => evidence.getByTestId('doortest-event').textContent(), WAIT).toContain('Remote open');
    expect(await evidence.getByTestId('vendor-event-unknown').count()).toBe(0);

    // The mode test is not offered: K30's capabilities have hold-open / hold-closed but no way back
    // to normal, and the page says so (the core refuses it by the same rule, test/vendors/k30/integration/door-test.test.ts).
    const modeOption = page.locator('[data-testid="doortest-kind"] option[value="mode"]');
    await expect.poll(() => modeOption.isDisabled(), WAIT).toBe(true);
    expect(await modeOption.textContent()).toBe('Hold open / normally closed / restore (not offered)');
    const note = page.getByTestId('doortest-mode-note');
    await expect.poll(() => note.textContent(), WAIT).toContain('cannot return a door to normal by its API');
    expect(await note.textContent()).toContain('K30 software');
    // The hint of the test chosen (remote open) shows; no text claims the door is restored.
    expect(await page.getByTestId('doortest-kind-hint').textContent()).toContain('open command');
    expect(await page.locator('.door-test-settings').textContent()).not.toMatch(/restores normal/);
    expect(k30.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(0);
    await page.screenshot({ path: `${shots}/door-tests-k30.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('says in Chinese why the mode test is not offered for K30', async () => {
    const { context, page } = await app.open('sites', 'zh-CN');
    await page.getByTestId('nav-door-tests').click();
    await page.getByTestId('doortest-backend').selectOption('1');
    await expect.poll(() => page.locator('[data-testid="doortest-kind"] option[value="mode"]').isDisabled(), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('doortest-mode-note').textContent(), WAIT).toContain('无法通过接口将门恢复正常');
    expect(await page.getByTestId('doortest-mode-note').textContent()).toContain('K30 软件');
    await context.close();
  }, 120_000);
});
