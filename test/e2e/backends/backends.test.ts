import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, testConnection, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-backends-token';

describe('Backends page over the WebSocket transport (ZKBio)', () => {
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  it('asks for a site first and links to the Sites page', async () => {
    const { context, page } = await app.open('backends');
    await page.getByTestId('backends-no-site').waitFor();
    await page.getByTestId('backends-no-site').getByRole('link').click();
    await page.getByTestId('site-name-input').waitFor();
    await context.close();
  });

  it('adds a ZKBio backend, tests it (ok) and shows its doors, also from the store after a reload', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Block 3');
    const row = await addBackend(page, { vendor: 'zkbio', name: 'Main gate', url: zkbio.url, token: TOKEN });
    expect(await row.textContent()).toContain('Main gate');
    expect(await row.textContent()).toContain(zkbio.url);

    const verdict = await testConnection(page);
    expect(await verdict.getAttribute('data-verdict')).toBe('ok');
    expect(await verdict.textContent()).toContain('ZKBio CVSecurity');
    expect(await page.getByTestId('verdict-advice').textContent()).not.toBe('');
    // The clock difference always shows when the server gives its time (the simulator's agrees).
    expect(await page.getByTestId('verdict-skew').textContent()).toContain('agrees with this computer');
    await expect.poll(() => row.locator('[data-verdict]').getAttribute('data-verdict')).toBe('ok');
    expect(await page.getByTestId('capabilities').locator('[data-capability="doorModes"]').textContent()).toContain('ZKBio');

    await page.getByTestId('inventory-refresh').click();
    await page.getByTestId('inventory-tab-doors').click();
    const doors = page.getByTestId('inventory-doors').getByTestId('inventory-door');
    await expect.poll(() => doors.count()).toBe(zkbio.state.doors.length);
    for (const door of zkbio.state.doors) expect(await page.getByTestId('inventory-doors').textContent()).toContain(door.name);
    await page.screenshot({ path: `${shots}/backends-zkbio-en.png` });
    await page.getByTestId('inventory').screenshot({ path: `${shots}/backends-inventory-en.png` });

    // Offline: the stored inventory shows without asking the backend.
    const offline = zkbio.faults.reset();
    await page.reload();
    await page.getByTestId('nav-backends').click();
    await page.getByTestId('backend-open').first().click();
    await page.getByTestId('inventory-tab-doors').click();
    await expect.poll(() => page.getByTestId('inventory-doors').getByTestId('inventory-door').count()).toBe(zkbio.state.doors.length);
    expect(await page.getByTestId('inventory-stored-at').textContent()).toMatch(/^Stored /);
    zkbio.faults.clear(offline);
    await context.close();
  });

  it('marks a part the refresh could not read and says why, above what was stored (issue 11 item 17)', async () => {
    const { context, page } = await app.open('backends');
    await page.getByTestId('backend-open').first().click();
    await page.getByTestId('inventory-tab-readers').waitFor();
    zkbio.faults.wrongShape('data', { endpoint: 'reader.list.v2', count: 1 });
    await page.getByTestId('inventory-refresh').click();
    await page.getByTestId('inventory-tab-failed-readers').waitFor();
    expect(await page.getByTestId('inventory-tab-failed-doors').count()).toBe(0);
    await page.getByTestId('inventory-tab-readers').click();
    expect(await page.getByTestId('inventory-part-error').textContent()).toContain('Readers: not read this time.');
    expect(await page.getByTestId('inventory-part-error').textContent()).toContain('the other lists were read and stored');
    // The readers stored by the last refresh still show; the doors were read again.
    expect(await page.getByTestId('inventory-tab-readers').locator('.tab-count').textContent()).toBe(String(zkbio.state.readers.length));
    await page.getByTestId('inventory').screenshot({ path: `${shots}/backends-inventory-part-error-en.png` });
    await page.getByTestId('inventory-tab-doors').click();
    expect(await page.getByTestId('inventory-part-error').count()).toBe(0);
    await context.close();
  });

  it('checks the form as the user types, with the contract’s messages', async () => {
    const { context, page } = await app.open('backends');
    await page.getByTestId('backend-add').click();
    await page.getByTestId('backend-url').fill('ftp://nowhere');
    await expect.poll(() => page.getByTestId('backend-form').textContent()).toContain('http://host:port');
    await page.getByTestId('backend-save').click();
    expect(await page.getByTestId('backend-form').textContent()).toContain('Enter the access token.');
    await page.getByTestId('backend-tls-pinned').check();
    await page.getByTestId('backend-fingerprint').fill('12:34');
    await expect.poll(() => page.getByTestId('backend-form').textContent()).toContain('64 hexadecimal digits');
    expect(await page.getByTestId('backend-token').getAttribute('type')).toBe('password');
    await page.getByTestId('backend-form').screenshot({ path: `${shots}/backends-form-en.png` });
    await context.close();
  });

  it('shows a wrong token as refused credentials with the advice in English, then in Chinese, and fixes it', async () => {
    const { context, page } = await app.open('sites');
    // A site of its own: on Block 3 this server is already a backend (one server, one backend).
    await createSite(page, 'Block 4');
    await addBackend(page, { vendor: 'zkbio', name: 'Wrong token', url: zkbio.url, token: 'not-the-token' });
    const verdict = await testConnection(page);
    expect(await verdict.getAttribute('data-verdict')).toBe('bad-credentials');
    expect(await verdict.textContent()).toContain('Credentials refused');
    expect(await page.getByTestId('verdict-advice').textContent()).toContain('API Authorization');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('verdict-advice').textContent()).toContain('API 授权');
    expect(await verdict.textContent()).toContain('凭据被拒绝');
    await page.screenshot({ path: `${shots}/backends-bad-token-zh.png` });

    // Edit: the URL stays, the new token replaces the stored one (the API never shows it back).
    await page.getByTestId('backend-edit').click();
    expect(await page.getByTestId('backend-token').inputValue()).toBe('');
    await page.getByTestId('backend-token').fill(TOKEN);
    await page.getByTestId('backend-save').click();
    await page.getByTestId('backend-form').waitFor({ state: 'detached' });
    await page.getByTestId('backend-test').click();
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('ok');
    await page.getByTestId('lang-switch').selectOption('en');
    await context.close();
  });
  it('runs the ZKBio wizard: a level, two doors in it, synced to the devices', async () => {
    const { context, page } = await app.open('sites');
    // Back on Block 3, whose backend read its doors above.
    await page.getByTestId('site-row').filter({ hasText: 'Block 3' }).getByTestId('site-select').click();
    await expect.poll(() => page.getByTestId('current-site').locator('option:checked').textContent()).toBe('Block 3');
    await page.getByTestId('nav-backends').click();
    await page.getByTestId('backend-open').first().click();
    await page.getByTestId('wizard-open').click();
    const step = (id: string) => page.locator(`[data-testid="wizard-step"][data-step="${id}"]`);

    await page.getByTestId('wizard-level-name').fill('Site workers');
    expect(await page.getByTestId('wizard-level-time').inputValue()).toBe('24-Hour Accessible');
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => step('level').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('wizard-result').textContent()).toContain('Site workers');
    await page.getByTestId('wizard-next').click();

    const [first, second] = zkbio.state.doors;
    for (const door of [first, second]) await page.locator(`[data-testid="wizard-door"][data-door-name="${door?.name}"]`).check();
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => step('doors').getAttribute('data-status')).toBe('done');
    const level = zkbio.state.levelByName('acc', 'Site workers');
    expect(level?.pointIds.sort()).toEqual([first?.id, second?.id].sort());
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('wizard-run').click();
    await expect.poll(() => step('sync').getAttribute('data-status')).toBe('done');
    expect(level?.syncedAt).toBeGreaterThan(0);
    expect(await page.getByTestId('wizard-body').textContent()).toContain('no way to undo');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-zkbio-wizard-en.png` });
    await context.close();
  });
});
