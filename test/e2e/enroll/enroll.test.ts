import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HongtuSimulator } from '../../simulators/hongtu/server.ts';
import type { ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import type { WebProcess } from '../../support/web-process.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { shots, startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-enroll-token';

describe('Enrollment with the webcam face capture', () => {
  let site: E2eSite;
  let zkbio: ZkbioSimulator;
  let hongtu: HongtuSimulator;
  let web: WebProcess;
  let withFace: Browser;
  let noFace: Browser;

  beforeAll(async () => {
    site = await startE2eSite({ token: TOKEN, camera: 'astronaut' });
    ({ zkbio, hongtu, web, browser: withFace } = site);
    noFace = await site.launch('no-face');
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  async function open(browser: Browser, locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1100 } });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-enroll').click();
    return { context, page };
  }

  it('auto-captures the astronaut once every check holds, and enrolls her to ZKBio and Hongtu', async () => {
    const { context, page } = await open(withFace, 'en-US');
    await page.getByTestId('enroll-pin').fill('A1001');
    await page.getByTestId('enroll-name').fill('Eileen Collins');
    // Validated as typed: a wrong checksum is reported, the right one clears it.
    await page.getByTestId('enroll-id-number').fill('11010519491231002');
    await expect.poll(() => page.getByTestId('enroll-id-number-error').textContent()).toContain('18-digit');
    await page.getByTestId('enroll-id-number').fill('11010519491231002X');
    await expect.poll(() => page.getByTestId('enroll-id-number-error').count()).toBe(0);
    await page.locator(`[data-testid="enroll-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    await page.locator(`[data-testid="enroll-target"][data-backend-id="${BACKENDS.hongtu}"]`).check();

    await expect.poll(() => page.getByTestId('face-captured').count(), { timeout: 45_000 }).toBe(1);
    const checks = await page.getByTestId('face-check').evaluateAll((els) => els.map((e) => [e.getAttribute('data-check'), e.getAttribute('data-ok')]));
    expect(checks).toEqual([['one_face', 'true'], ['face_size', 'true'], ['centred', 'true'], ['pose', 'true'], ['brightness', 'true'], ['sharpness', 'true']]);
    // The backend's own check (ZKBio detectFace) accepts the captured photo.
    await page.getByTestId('face-server-check').click();
    await expect
      .poll(() => page.locator(`[data-testid="face-server-verdict"][data-backend-id="${BACKENDS.zkbio}"]`).getAttribute('data-ok'), { timeout: 15_000 })
      .toBe('true');
    const panel = page.getByTestId('face-panel');
    const fps = Number(await panel.getAttribute('data-fps'));
    const backend = await panel.getAttribute('data-detector-backend');
    console.log(JSON.stringify({ detector: backend, framesPerSecond: fps, frame: '640x480' }));
    expect(backend).toBe('wasm');
    const size = await page.getByTestId('face-captured').evaluate((img) => [(img as unknown as { naturalWidth: number }).naturalWidth, (img as unknown as { naturalHeight: number }).naturalHeight]);
    expect((size[0] ?? 0) * (size[1] ?? 0)).toBeGreaterThanOrEqual(80_000);
    await page.screenshot({ path: `${shots}/enroll-captured.png`, fullPage: true });

    await page.getByTestId('enroll-save').click();
    await expect.poll(() => page.getByTestId('enroll-result').count()).toBe(1);
    const row = page.locator(`[data-testid="outbox-row"][data-backend-id="${BACKENDS.zkbio}"][data-pin="A1001"]`);
    await expect.poll(() => row.count()).toBe(1);
    // The sync engine sends it on: the person reaches the ZKBio simulator with the photo.
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    const person = zkbio.state.persons.get('A1001');
    expect(person?.name).toBe('Eileen Collins');
    expect(person?.photo).not.toBeNull();
    // And the Hongtu simulator, once, with the face uploaded and referenced.
    const hongtuRow = page.locator(`[data-testid="outbox-row"][data-backend-id="${BACKENDS.hongtu}"][data-pin="A1001"]`);
    await expect.poll(() => hongtuRow.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    const inHongtu = [...hongtu.state.persons.values()].filter((p) => p.code === 'A1001');
    expect(inHongtu).toHaveLength(1);
    expect(inHongtu[0]?.imageUri).toBeTruthy();
    await page.screenshot({ path: `${shots}/enroll-synced.png`, fullPage: true });
    // The Sync queue page lists both writes, done.
    await page.getByTestId('nav-sync').click();
    await expect.poll(() => page.locator('[data-testid="sync-page"] [data-testid="outbox-row"][data-state="done"]').count()).toBe(2);
    await context.close();
  });

  it('after Save waits for a new face instead of taking the same one onto the next form; Capture and Resume auto-capture still work', async () => {
    const { context, page } = await open(withFace, 'en-US');
    const panel = page.getByTestId('face-panel');
    const captured = page.getByTestId('face-captured');
    await page.getByTestId('enroll-pin').fill('N1001');
    await page.getByTestId('enroll-name').fill('First Person');
    await expect.poll(() => captured.count(), { timeout: 45_000 }).toBe(1);
    await page.getByTestId('enroll-save').click();
    await expect.poll(() => page.getByTestId('enroll-result').textContent()).toContain('First Person');

    // The next, empty form: the same face is still in front of the camera.
    await expect.poll(() => panel.getAttribute('data-status')).toBe('waiting');
    expect(await page.getByTestId('enroll-pin').inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('face-guidance').textContent()).toContain('waits for the next person');
    // Far longer than the 700 ms hold, with every check green the whole time: nothing is taken.
    const framesAtSave = Number(await panel.getAttribute('data-frames'));
    await page.waitForTimeout(2500);
    await expect.poll(() => panel.getAttribute('data-frames').then(Number), { timeout: 30_000 }).toBeGreaterThan(framesAtSave + 20);
    const checks = await page.getByTestId('face-check').evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')));
    expect(checks).toEqual(['true', 'true', 'true', 'true', 'true', 'true']);
    expect(await captured.count()).toBe(0);
    expect(await panel.getAttribute('data-status')).toBe('waiting');
    await page.screenshot({ path: `${shots}/enroll-next-person.png`, fullPage: true });

    // Capture by hand still takes the face at once.
    await page.getByTestId('enroll-pin').fill('N1002');
    await page.getByTestId('enroll-name').fill('Second Person');
    await page.getByTestId('face-capture').click();
    await expect.poll(() => captured.count()).toBe(1);
    expect(await panel.getAttribute('data-status')).toBe('captured');
    await page.getByTestId('enroll-save').click();
    await expect.poll(() => page.getByTestId('enroll-result').textContent()).toContain('Second Person');

    // And after the next save, Resume auto-capture arms it again for the face in front of it.
    await expect.poll(() => panel.getAttribute('data-status')).toBe('waiting');
    expect(await captured.count()).toBe(0);
    await page.getByTestId('face-rearm').click();
    await expect.poll(() => captured.count(), { timeout: 30_000 }).toBe(1);
    await context.close();
  });

  it('refuses to capture with no face in the picture, and says so in Chinese', async () => {
    const { context, page } = await open(noFace, 'zh-CN');
    const oneFace = page.locator('[data-testid="face-check"][data-check="one_face"]');
    await expect.poll(() => oneFace.getAttribute('data-ok'), { timeout: 45_000 }).toBe('false');
    await expect.poll(() => page.getByTestId('face-guidance').textContent()).toContain('未检测到人脸');
    await page.getByTestId('face-capture').click();
    await expect.poll(() => page.getByTestId('face-guidance').textContent()).toContain('无法拍照');
    expect(await page.getByTestId('face-captured').count()).toBe(0);
    await page.screenshot({ path: `${shots}/enroll-no-face.png`, fullPage: true });
    await context.close();
  });
});
