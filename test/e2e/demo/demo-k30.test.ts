// Issue 14 "Done when": the K30 leg of the README's "Try it", in Chromium with the astronaut as the
// webcam, against exactly what `npm run demo` starts (scripts/demo-setup.ts) and with what its
// banner prints (scripts/demo-banner.ts): add K30 from the scan with the company number, test it,
// its devices in the inventory, a door test passing with its latency, a person enrolled with a face
// that reaches K30 with the photo, and an edit from the People page that reaches the same K30 person.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBanner } from '../../../scripts/demo-banner.ts';
import { DEMO_ZKBIO_TOKEN, startDemo, type Demo } from '../../../scripts/demo-setup.ts';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
/** The scan's default ports (what the README's Start scan uses). */
const DEMO_PORTS = ['8098', '18082', '8080'];
const PIN = 'A2001';

describe('the README’s demo day, K30 leg (issue 14)', () => {
  let demo: Demo;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemo({ dataDir: join(tempDir(), 'demo'), staticDir: join(root, 'out', 'renderer') });
    browser = await launchE2eBrowser('astronaut');
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const inK30 = (pin: string) => [...demo.k30.state.people.values()].filter((p) => p.jobnumber === pin);

  it('the banner prints K30 beside ZKBio and Hongtu: its URL and company number, and its steps, in English and Chinese', () => {
    const banner = demoBanner({
      url: demo.url,
      dataDir: 'data',
      zkbio: { url: demo.zkbio.url, token: DEMO_ZKBIO_TOKEN },
      hongtu: { url: demo.hongtu.url, appKey: demo.hongtu.appKey, secretKey: demo.hongtu.secretKey },
      k30: { url: demo.k30.url, companyNo: demo.k30.companyNo },
    });
    const lines = banner.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    const k30Line = lines[at('K30 门禁软件')] ?? '';
    expect(k30Line).toContain(`URL ${demo.k30.url}`);
    expect(k30Line).toContain(`company number / 企业编号 ${demo.k30.companyNo}`);
    // Beside the other two, in the "add" list.
    expect(at('K30 门禁软件')).toBe(at('Megvii Hongtu 2000') + 1);
    expect(at('Megvii Hongtu 2000')).toBe(at('ZKBio CVSecurity') + 1);
    expect(banner).toContain('K30: Add as backend with the company number');
    expect(banner).toContain('K30：用企业编号添加为后台');
  });

  it('walks Scan → Add K30 as backend → Test connection → Inventory → Door test → Enroll with a face → People edit', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(demo.url);

    // 1. Scan: Start scan; the K30 result; Add as backend.
    await page.getByTestId('nav-scan').click();
    const sims = [demo.zkbio, demo.hongtu, demo.k30].map((sim) => new URL(sim.url));
    await expect.poll(() => page.getByTestId('scan-targets').inputValue(), WAIT).toBe([...new Set(sims.map((u) => u.hostname))].sort().join(' '));
    // Only when another run holds the demo's ports do the simulators sit elsewhere; then say where.
    if (sims.some((u, i) => u.port !== DEMO_PORTS[i])) await page.getByTestId('scan-ports').fill(sims.map((u) => u.port).join(','));
    await button(page, 'Start scan').click();
    await expect.poll(() => page.getByTestId('scan-progress').getAttribute('data-state'), WAIT).toBe('done');
    const k30Url = sims[2]!;
    const k30Result = page.locator(`[data-testid="scan-row"][data-address="${k30Url.hostname}"]`).filter({ hasText: k30Url.port });
    expect(await k30Result.getByTestId('scan-system').allTextContents()).toEqual([expect.stringContaining('K30')]);
    await k30Result.getByRole('button', { name: 'Add as backend' }).click();

    // 2. Backends: the form filled in as K30 at the found address; type the company number, Save, Test connection.
    await page.getByTestId('backend-form').waitFor();
    expect(await page.getByTestId('backend-vendor').inputValue()).toBe('k30');
    expect(await page.getByTestId('backend-url').inputValue()).toBe(demo.k30.url);
    expect(await page.getByTestId('backend-name').inputValue()).not.toBe('');
    await page.getByTestId('backend-company-no').fill(demo.k30.companyNo);
    await button(page, 'Save').click();
    await page.getByTestId('backend-form').waitFor({ state: 'detached' });
    const k30Row = page.getByTestId('backend-row').first();
    const k30Id = Number(await k30Row.getAttribute('data-backend-id'));
    expect(await k30Row.getByTestId('backend-open').getAttribute('aria-pressed')).toBe('true');
    await button(page, 'Test connection').click();
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict'), WAIT).toBe('ok');
    expect(await verdict.textContent()).toContain('K30');

    // 3. Inventory: Refresh; every K30 device is a door.
    await button(page, 'Refresh from the backend').click();
    await page.getByTestId('inventory-tab-doors').click();
    const doors = page.getByTestId('inventory-doors');
    await expect.poll(() => doors.getByTestId('inventory-door').count(), WAIT).toBe(demo.k30.state.devices.size);
    for (const device of demo.k30.state.devices.values()) expect(await doors.textContent()).toContain(device.name);

    // 4. Door tests: the K30 backend, the gate's entry, Remote open, Run: a pass with its latency.
    await page.getByTestId('nav-door-tests').click();
    await page.getByTestId('doortest-installer').fill('Li Lei');
    await page.getByTestId('doortest-backend').selectOption(String(k30Id));
    await page.getByTestId('doortest-kind').selectOption({ label: 'Remote open' });
    await page.locator(`[data-testid="doortest-door"][data-door-id="${SEED_IDS.gateIn}"]`).check();
    await button(page, 'Run test').click();
    const result = page.locator(`[data-testid="doortest-result-row"][data-door-id="${SEED_IDS.gateIn}"]`).first();
    await expect.poll(() => result.getAttribute('data-verdict'), { timeout: 60_000 }).toBe('pass');
    expect(await result.getByTestId('doortest-latency').textContent()).toMatch(/^\d+ ms$/);
    await expect.poll(() => page.getByTestId('status').textContent(), WAIT).toBe('Door test finished: 1 passed, 0 failed.');

    // 5. Enroll: tick K30, its department and region by name, the camera takes the photo, Save.
    await page.getByTestId('nav-enroll').click();
    await page.locator(`[data-testid="enroll-target"][data-backend-id="${k30Id}"]`).check();
    await page.getByTestId('enroll-pin').fill(PIN);
    await page.getByTestId('enroll-name').fill('Sunita Williams');
    const department = page.getByTestId('enroll-department');
    await expect.poll(() => department.isEnabled(), WAIT).toBe(true);
    await department.selectOption({ label: '项目部' });
    await page.locator('label.choice', { hasText: '工地大门' }).locator(`[data-testid="enroll-level"][data-backend-id="${k30Id}"]`).check();
    await expect.poll(() => page.getByTestId('face-captured').count(), { timeout: 60_000 }).toBe(1);
    await button(page, 'Save').click();
    await page.getByTestId('enroll-result').waitFor();

    // K30 holds the person: job number, department, the region's devices, and the face as a JPEG it serves.
    await expect.poll(() => inK30(PIN).length, { timeout: 30_000 }).toBe(1);
    const [created] = inK30(PIN);
    expect(created?.name).toBe('Sunita Williams');
    expect(created?.deptno).toBe(SEED_IDS.department);
    await expect.poll(() => [...(inK30(PIN)[0]?.devices ?? [])].sort(), WAIT).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut]);
    const photo = created?.photo;
    expect(photo?.width).toBeGreaterThan(0);
    expect(photo?.height).toBeGreaterThan(0);
    const served = await fetch(`${demo.k30.url}/${photo?.path ?? ''}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(bytes.length).toBe(photo?.size);

    // 6. People: the thumbnail, Synced; Edit the name; the same K30 person (same `no`) has it.
    await page.getByTestId('nav-people').click();
    const person = page.locator(`[data-testid="person-row"][data-pin="${PIN}"]`);
    await person.getByTestId('person-thumb').waitFor();
    await expect.poll(() => person.getByTestId('person-sync').getAttribute('data-state'), WAIT).toBe('synced');
    await person.getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('person-form').getByTestId('person-name').fill('Sunita L. Williams');
    await page.getByTestId('person-form').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('person-form').waitFor({ state: 'detached' });
    await expect.poll(() => inK30(PIN)[0]?.name, { timeout: 30_000 }).toBe('Sunita L. Williams');
    expect(inK30(PIN)).toHaveLength(1);
    expect(inK30(PIN)[0]?.no).toBe(created?.no);
    await expect.poll(() => person.getByTestId('person-sync').getAttribute('data-state'), WAIT).toBe('synced');
    await page.screenshot({ path: join(shots, 'demo-k30-people.png'), fullPage: true });
    await context.close();
  }, 300_000);
});
