import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-wizard-missing-token';
const WAIT = { timeout: 20_000 };

describe('A set-up wizard’s disabled button says what it still needs (issue 12 item 16)', () => {
  let hongtu: HongtuSimulator;
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    hongtu = await startHongtuSimulator({ host: '127.0.0.6' });
    zkbio = await startZkbioSimulator({ host: '127.0.0.6', token: TOKEN });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all([hongtu?.close(), zkbio?.close()]);
  });

  it('Hongtu: Import names the missing fields next to it, field by field, in English and Chinese', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Wizard site');
    await addBackend(page, { vendor: 'hongtu', name: 'Platform', url: hongtu.url, appKey: hongtu.appKey, secret: hongtu.secretKey });
    await page.getByTestId('wizard-open').click();
    await page.getByTestId('wizard-panel').waitFor(WAIT);
    const run = page.getByTestId('wizard-run');
    const missing = page.getByTestId('wizard-run-missing');

    expect(await run.isDisabled()).toBe(true);
    expect(await missing.textContent()).toBe('Still needed: Discovered panel (serial), Name, Location, and Model.');
    expect(await run.getAttribute('aria-describedby')).toBe('wizard-run-missing');

    // The panel brings its model (suggested from the serial); the name and location are left.
    await page.getByTestId('wizard-panel').selectOption(SEED_IDS.panelASn);
    await expect.poll(() => missing.textContent(), WAIT).toBe('Still needed: Name and Location.');
    await page.getByTestId('wizard-panel-name').fill('North gate');
    await expect.poll(() => missing.textContent(), WAIT).toBe('Still needed: Location.');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/wizard-missing-en.png` });

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => missing.textContent(), WAIT).toBe('还需要：位置。');
    await page.getByTestId('wizard-panel-name').fill('');
    await expect.poll(() => missing.textContent(), WAIT).toBe('还需要：名称和位置。');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/wizard-missing-zh.png` });
    await page.getByTestId('lang-switch').selectOption('en');

    await page.getByTestId('wizard-panel-name').fill('North gate');
    await page.getByTestId('wizard-panel-location').fill('North entrance');
    await expect.poll(() => missing.count(), WAIT).toBe(0);
    expect(await run.isEnabled()).toBe(true);
    await context.close();
  });

  it('ZKBio: the access level step names the level name while it is empty', async () => {
    const { context, page } = await app.open('backends');
    await addBackend(page, { vendor: 'zkbio', name: 'ZK', url: zkbio.url, token: TOKEN });
    await page.getByTestId('wizard-open').click();
    await page.getByTestId('wizard-level-name').waitFor(WAIT);
    expect(await page.getByTestId('wizard-run').isDisabled()).toBe(true);
    expect(await page.getByTestId('wizard-run-missing').textContent()).toBe('Still needed: Level name.');
    await page.getByTestId('wizard-level-name').fill('Site workers');
    await expect.poll(() => page.getByTestId('wizard-run-missing').count(), WAIT).toBe(0);
    expect(await page.getByTestId('wizard-run').isEnabled()).toBe(true);
    await context.close();
  });
});
