import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

/** People reaching K30 through the outbox (issue 14 item 4): by K30's own `no`, kept in the store. */
describe('People page: a person on K30', () => {
  let k30: K30Simulator;
  let app: App;
  const inK30 = (pin: string) => [...k30.state.people.values()].filter((p) => p.jobnumber === pin);

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.4' });
    const dataDir = tempDir();
    const photo = join(dataDir, 'face.jpg');
    writeFileSync(photo, astronautJpeg());
    await cliJson(dataDir, 'sites', 'add', 'Gate 2');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo);
    await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'K1', '--name', 'Zhou', '--photo', photo, '--backend', '1', '--levels', SEED_IDS.gateRegion);
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await k30?.close();
  });

  it('reaches K30 with the photo and the region’s devices; an edit updates the same K30 person; a delete removes them', async () => {
    // The web server's sync engine sends the CLI's enrollment.
    await expect.poll(() => inK30('K1').length, { timeout: 30_000 }).toBe(1);
    const [created] = inK30('K1');
    expect(created?.photo).toBeTruthy();
    expect([...(created?.devices ?? [])].sort()).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut]);

    const { context, page } = await app.open('sites');
    await page.getByTestId('nav-people').click();
    const row = page.locator('[data-testid="person-row"][data-pin="K1"]');
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.getByTestId('person-edit').click();
    await page.getByTestId('person-form').getByTestId('person-name').fill('Zhou Yi');
    await page.getByTestId('person-save').click();
    await expect.poll(() => inK30('K1')[0]?.name, { timeout: 30_000 }).toBe('Zhou Yi');
    expect(inK30('K1')).toHaveLength(1);
    expect(inK30('K1')[0]?.no).toBe(created?.no);
    await page.screenshot({ path: `${shots}/people-k30-edit.png`, fullPage: true });

    await row.getByTestId('person-delete').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => inK30('K1').length, { timeout: 30_000 }).toBe(0);
    await context.close();
  }, 120_000);
});
