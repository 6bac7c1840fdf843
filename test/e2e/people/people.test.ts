import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { cliJson } from '../support/cli.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { shots, startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-people-token';

describe('People page: list, edit and delete through the outbox', () => {
  let site: E2eSite;
  let zkbio: ZkbioSimulator;

  beforeAll(async () => {
    site = await startE2eSite({
      token: TOKEN,
      prepare: async (dataDir) => {
        await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'P1', '--name', 'Li', '--id-number', '11010519491231002X', '--backend', String(BACKENDS.zkbio));
      },
    });
    ({ zkbio } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  async function open(): Promise<Page> {
    const { page } = await site.open({ height: 1000 });
    await page.getByTestId('nav-people').click();
    return page;
  }

  it('lists the person, edits the name onto ZKBio, then deletes them there too', async () => {
    // The web server's sync engine sends the CLI's enrollment first.
    await expect.poll(() => zkbio.state.person('P1')?.name, { timeout: 30_000 }).toBe('Li');
    const page = await open();
    const row = page.locator('[data-testid="person-row"][data-pin="P1"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getByTestId('person-id-number').textContent()).toBe('**************002X');

    // The search filters by personnel number and name.
    await page.getByTestId('people-search').fill('nobody');
    expect(await page.getByTestId('person-row').count()).toBe(0);
    await page.getByTestId('people-search').fill('p1');
    expect(await page.getByTestId('person-row').count()).toBe(1);

    // Edit: validated as typed, the pin is read-only, Save re-enrolls to the same backend.
    await row.getByTestId('person-edit').click();
    const form = page.getByTestId('person-form');
    expect(await form.getByTestId('person-pin').getAttribute('readonly')).not.toBeNull();
    await form.getByTestId('person-name').fill('');
    await expect.poll(() => form.getByTestId('person-name-error').count()).toBe(1);
    expect(await page.getByTestId('person-save').isDisabled()).toBe(true);
    await form.getByTestId('person-name').fill('Li Wei');
    await expect.poll(() => form.getByTestId('person-name-error').count()).toBe(0);
    await page.screenshot({ path: `${shots}/people-edit.png`, fullPage: true });
    await page.getByTestId('person-save').click();
    await expect.poll(() => row.getByTestId('person-name').textContent(), { timeout: 10_000 }).toBe('Li Wei');
    await expect.poll(() => zkbio.state.person('P1')?.name, { timeout: 30_000 }).toBe('Li Wei');

    // Delete: confirmed, gone from the list and, through the outbox, from ZKBio.
    await row.getByTestId('person-delete').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => zkbio.state.person('P1'), { timeout: 30_000 }).toBeUndefined();
    await page.context().close();
  }, 120_000);
});
