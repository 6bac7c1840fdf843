import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { launchChromium } from '../../support/chromium.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { BACKENDS, seedSite } from '../door-tests/seed-site.ts';

const tempDir = useTempDirs();
const shots = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const run = promisify(execFile);
const TOKEN = 'e2e-people-token';

/** The CLI as a child process, asynchronously: the simulators live in this process and must keep answering. */
async function cli(dataDir: string, ...args: string[]): Promise<unknown> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' };
  try {
    const { stdout } = await run(process.execPath, [cliEntry, ...args, '--data-dir', dataDir, '--json'], { env, encoding: 'utf8' });
    return JSON.parse(stdout) as unknown;
  } catch (error) {
    throw new Error(`cli ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }
}

describe('People page: list, edit and delete through the outbox', () => {
  let zkbio: ZkbioSimulator;
  let hongtu: HongtuSimulator;
  let web: WebProcess;
  let browser: Browser;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
    const dataDir = tempDir();
    await seedSite(dataDir, { zkbioUrl: zkbio.url, zkbioToken: TOKEN, hongtu });
    await cli(dataDir, 'enroll', '--site', '1', '--pin', 'P1', '--name', 'Li', '--id-number', '11010519491231002X', '--backend', String(BACKENDS.zkbio));
    web = await startWebProcess(dataDir);
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await Promise.all([zkbio?.close(), hongtu?.close()]);
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(web.url);
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
