import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-walk-person-token';

describe('Door test walk-through person: picked from the backend’s people (issue 12 item 13)', () => {
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ token: TOKEN });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  it('lists the backend’s people by name or number, and refuses an unknown number before the test starts', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Walk site');
    await addBackend(page, { vendor: 'zkbio', name: 'Main gate', url: zkbio.url, token: TOKEN });
    await page.getByTestId('inventory-refresh').click();
    await expect.poll(() => page.getByTestId('inventory-tab-doors').locator('.tab-count').textContent(), { timeout: 20_000 }).toBe(String(zkbio.state.doors.length));

    await page.getByTestId('nav-door-tests').click();
    await page.getByTestId('doortest-kind').selectOption('walk');
    const options = page.getByTestId('doortest-person-option');
    // Every person the backend holds is offered, with no number typed.
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(Math.min(8, zkbio.state.persons.size));
    const person = [...zkbio.state.persons.values()][1];
    if (!person) throw new Error('seed has two people');

    // Search by name: the one person, then picked.
    await page.getByTestId('doortest-person').fill(person.name);
    await expect.poll(() => options.evaluateAll((els) => els.map((el) => el.getAttribute('data-pin'))), { timeout: 20_000 }).toEqual([person.pin]);
    await options.first().click();
    expect(await page.getByTestId('doortest-person').inputValue()).toBe(person.pin);
    expect(await page.getByTestId('doortest-person-status').textContent()).toContain('on Main gate');
    await page.screenshot({ path: `${shots}/door-tests-walk-picker-en.png` });

    // A number the backend does not know: flagged as typed, and refused when run.
    await page.getByTestId('doortest-person').fill('9999');
    await expect.poll(() => page.getByTestId('doortest-person-status').textContent(), { timeout: 20_000 }).toContain('No such person on Main gate');
    await page.getByTestId('doortest-door').first().check();
    await page.getByTestId('doortest-run').click();
    await expect.poll(() => page.getByTestId('doortest-failure').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('doortest-failure').textContent()).toContain('No such person on Main gate: no one there has the personnel number 9999');
    expect(await page.getByTestId('doortest-result-row').count()).toBe(0);

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('doortest-failure').textContent(), { timeout: 20_000 }).toContain('Main gate 上没有此人');
    await page.getByTestId('lang-switch').selectOption('en');
    await context.close();
  });
});
