import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-zkbio-wizard-token';

describe('ZKBio wizard: the time zone is picked, and a refused one is never "saved" (issue 12 item 13)', () => {
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ token: TOKEN });
    zkbio.state.timeSegments.add('Day shift');
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  it('offers the built-in time zone, says the API has no list, refuses an unknown name and saves a known one', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Wizard site');
    await addBackend(page, { vendor: 'zkbio', name: 'ZK', url: zkbio.url, token: TOKEN });
    await page.getByTestId('wizard-open').click();
    const step = page.locator('[data-testid="wizard-step"][data-step="level"]');

    const picker = page.getByTestId('wizard-level-time');
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual(['24-Hour Accessible', 'Another time zone…']);
    expect(await page.getByTestId('wizard-body').textContent()).toContain('has no list of time zones');

    await page.getByTestId('wizard-level-name').fill('Crew');
    await picker.selectOption({ label: 'Another time zone…' });
    await page.getByTestId('wizard-level-time-other').fill('Night shift');
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => step.getAttribute('data-status'), { timeout: 20_000 }).toBe('failed');
    const error = await page.getByTestId('wizard-error').textContent();
    expect(error).toContain('Night shift');
    expect(error).toContain('Time Zones');
    expect(await page.getByTestId('wizard-result').count()).toBe(0);
    expect(await page.getByTestId('wizard').textContent()).not.toContain('Access level “Crew” saved');
    expect(error).toContain('nothing was saved');
    expect(zkbio.state.levelByName('acc', 'Crew')).toBeUndefined();
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-zkbio-wizard-time-refused-en.png` });

    await page.getByTestId('wizard-level-time-other').fill('Day shift');
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => step.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await page.getByTestId('wizard-result').textContent()).toContain('Crew');
    expect(zkbio.state.levelByName('acc', 'Crew')?.timeSegName).toBe('Day shift');
    await context.close();
  });
});
