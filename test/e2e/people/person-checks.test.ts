import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import type { ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { cliJson } from '../support/cli.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { shots, startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-person-checks-token';
/** Li Lei's ID number; nobody else on the site may have it. */
const ID_LI = '11010519491231002X';
const WAIT = { timeout: 20_000 };

describe('Issue 12 items 2 and 3: no face is confirmed and marked; an ID number belongs to one person', () => {
  let site: E2eSite;
  let zkbio: ZkbioSimulator;
  let withFace: Browser;
  let noFace: Browser;
  let files: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'doorman-e2e-person-checks-'));
    site = await startE2eSite({
      token: TOKEN,
      camera: 'astronaut',
      prepare: async (dataDir) => {
        const zk = String(BACKENDS.zkbio);
        await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'P1', '--name', 'Li Lei', '--id-number', ID_LI, '--backend', zk);
        await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'P2', '--name', 'Han Meimei', '--backend', zk, '--no-face-reason', 'Away on site visit');
        await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'P3', '--name', 'Wang Fang', '--backend', zk);
      },
    });
    ({ zkbio, browser: withFace } = site);
    noFace = await site.launch('no-face');
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function open(browser: Browser, nav: string, locale = 'en-US'): Promise<Page> {
    const { page } = await site.open({ browser, locale });
    await page.getByTestId(nav).click();
    return page;
  }

  const personRow = (page: Page, pin: string) => page.locator(`[data-testid="person-row"][data-pin="${pin}"]`);

  it('Enroll: saving without a face asks for confirmation and a reason; People marks the person "no face" with it', async () => {
    const page = await open(noFace, 'nav-enroll');
    await page.getByTestId('enroll-pin').fill('N1');
    await page.getByTestId('enroll-name').fill('Zhou Min');
    await page.locator(`[data-testid="enroll-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    await page.getByTestId('enroll-save').click();

    // Not saved yet: the dialog asks, and will not confirm without a reason.
    const confirm = page.getByTestId('no-face-confirm');
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(true);
    expect(await page.locator('dialog[open]').textContent()).toContain('Zhou Min');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await page.getByTestId('enroll-result').count()).toBe(0);
    // The reason field has the focus: the clerk types straight away.
    await expect.poll(() => page.locator(':focus').getAttribute('data-testid'), WAIT).toBe('no-face-reason');
    await page.getByTestId('no-face-reason').fill('   ');
    await expect.poll(() => page.getByTestId('no-face-reason-error').textContent(), WAIT).toBe(en.validation.no_face_reason_required);
    await page.getByTestId('no-face-reason').fill('Camera broken');
    await page.screenshot({ path: `${shots}/no-face-confirm.png`, fullPage: true });
    await confirm.click();
    await expect.poll(() => page.getByTestId('enroll-result').count(), WAIT).toBe(1);

    await page.getByTestId('nav-people').click();
    const badge = personRow(page, 'N1').getByTestId('person-no-face');
    await expect.poll(() => badge.textContent(), WAIT).toBe('No face: Camera broken');
    // The person with a reason from the CLI, and the one enrolled with neither.
    expect(await personRow(page, 'P2').getByTestId('person-no-face').textContent()).toBe('No face: Away on site visit');
    expect(await personRow(page, 'P1').getByTestId('person-no-face').textContent()).toBe('No face');
    await page.screenshot({ path: `${shots}/people-no-face.png`, fullPage: true });
    await page.context().close();

    // In Chinese.
    const zh = await open(noFace, 'nav-people', 'zh-CN');
    await expect.poll(() => personRow(zh, 'N1').getByTestId('person-no-face').textContent(), WAIT).toBe('无人脸：Camera broken');
    await zh.getByTestId('nav-enroll').click();
    await zh.getByTestId('enroll-pin').fill('N9');
    await zh.getByTestId('enroll-name').fill('周敏');
    await zh.getByTestId('enroll-save').click();
    await expect.poll(() => zh.locator('dialog[open]').textContent(), WAIT).toContain('不拍人脸照片就保存？');
    expect(await zh.locator('dialog[open]').textContent()).toContain('周敏 无法刷脸开门');
    await zh.context().close();
  }, 120_000);

  it('People → Edit adds the face later, with the webcam or from a photo file, and sends it to the backend', async () => {
    const page = await open(withFace, 'nav-people');
    // The webcam: the Enroll page's capture, auto-capturing the astronaut.
    await expect.poll(() => personRow(page, 'P2').count(), WAIT).toBe(1);
    await personRow(page, 'P2').getByTestId('person-edit').click();
    expect(await page.getByTestId('person-face-status').textContent()).toContain('Away on site visit');
    await page.getByTestId('person-face-camera').click();
    await expect.poll(() => page.getByTestId('face-captured').count(), { timeout: 45_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('person-face-new').count(), WAIT).toBe(1);
    await page.getByTestId('person-save').click();
    await expect.poll(() => personRow(page, 'P2').getByTestId('person-no-face').count(), WAIT).toBe(0);
    await expect.poll(() => zkbio.state.persons.get('P2')?.photo ?? null, { timeout: 30_000 }).not.toBeNull();

    // A photo file: checked by the core (one face, the vendors' rules), previewed, then saved.
    const photo = join(files, 'wang.jpg');
    writeFileSync(photo, astronautJpeg());
    await personRow(page, 'P3').getByTestId('person-edit').click();
    await expect.poll(() => page.getByTestId('person-form').getAttribute('data-pin'), WAIT).toBe('P3');
    await page.getByTestId('person-face-file').setInputFiles(photo);
    await expect.poll(() => page.getByTestId('person-face-preview').count(), WAIT).toBe(1);
    await page.screenshot({ path: `${shots}/people-edit-face-file.png`, fullPage: true });
    await page.getByTestId('person-save').click();
    await expect.poll(() => personRow(page, 'P3').getByTestId('person-no-face').count(), WAIT).toBe(0);
    await expect.poll(() => zkbio.state.persons.get('P3')?.photo ?? null, { timeout: 30_000 }).not.toBeNull();

    // A file that is no photo is refused, saying why and what to do.
    const text = join(files, 'notes.jpg');
    writeFileSync(text, 'not a picture at all, just words '.repeat(10));
    await personRow(page, 'N1').getByTestId('person-edit').click();
    await expect.poll(() => page.getByTestId('person-form').getAttribute('data-pin'), WAIT).toBe('N1');
    await page.getByTestId('person-face-file').setInputFiles(text);
    await expect.poll(() => page.getByTestId('person-face-refused').textContent(), WAIT).toContain(en.validation.photo_format);
    expect(await page.getByTestId('person-face-new').count()).toBe(0);
    await page.context().close();
  }, 150_000);

  it('an ID number another person has is refused on Enroll and Edit, at the field, naming who (English and Chinese)', async () => {
    const page = await open(noFace, 'nav-enroll');
    await page.getByTestId('enroll-pin').fill('N2');
    await page.getByTestId('enroll-name').fill('Sun Li');
    await page.getByTestId('enroll-id-number').fill(ID_LI.toLowerCase());
    const taken = page.getByTestId('enroll-id-number-taken');
    await expect.poll(() => taken.textContent(), WAIT).toContain('Li Lei (P1)');
    expect(await page.getByTestId('enroll-save').isDisabled()).toBe(true);
    await page.screenshot({ path: `${shots}/enroll-id-number-taken.png`, fullPage: true });
    // Another number: the field is clear, Save is back.
    await page.getByTestId('enroll-id-number').fill('');
    await expect.poll(() => taken.count(), WAIT).toBe(0);
    expect(await page.getByTestId('enroll-save').isDisabled()).toBe(false);

    // Edit: Han Meimei given Li Lei's number; Li Lei's own number is his to keep.
    await page.getByTestId('nav-people').click();
    await expect.poll(() => personRow(page, 'P2').count(), WAIT).toBe(1);
    await personRow(page, 'P2').getByTestId('person-edit').click();
    await page.getByTestId('person-idNumber').fill(ID_LI);
    await expect.poll(() => page.getByTestId('person-id-number-taken').textContent(), WAIT).toContain('Li Lei (P1)');
    expect(await page.getByTestId('person-save').isDisabled()).toBe(true);
    await page.getByTestId('person-cancel').click();
    await personRow(page, 'P1').getByTestId('person-edit').click();
    await expect.poll(() => page.getByTestId('person-form').getAttribute('data-pin'), WAIT).toBe('P1');
    await page.getByTestId('person-form').getByTestId('person-name').fill('Li Lei Jr');
    await page.getByTestId('person-save').click();
    await expect.poll(() => personRow(page, 'P1').getByTestId('person-name').textContent(), WAIT).toBe('Li Lei Jr');
    await page.context().close();

    const zh = await open(noFace, 'nav-enroll', 'zh-CN');
    await zh.getByTestId('enroll-pin').fill('N3');
    await zh.getByTestId('enroll-id-number').fill(ID_LI);
    await expect.poll(() => zh.getByTestId('enroll-id-number-taken').textContent(), WAIT).toContain('该身份证号已登记：Li Lei Jr（工号 P1）');
    await zh.context().close();
  }, 120_000);

  it('the Import dry run flags a row whose ID number a person of the site already has', async () => {
    const table = join(files, 'people.csv');
    writeFileSync(table, ['工号,姓名,身份证号', 'R1,Qian Hao,', `R2,Zhao Lei,${ID_LI}`].join('\r\n') + '\r\n');
    const page = await open(noFace, 'nav-import');
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-face-check').uncheck();
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-summary').count(), WAIT).toBe(1);
    const errors = await page.locator('[data-testid="import-problem-row"][data-severity="error"]').evaluateAll((rows) =>
      rows.map((r) => ({ row: r.getAttribute('data-row'), column: r.getAttribute('data-column'), code: r.getAttribute('data-code'), text: r.textContent ?? '' })),
    );
    expect(errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([{ row: '3', column: 'C', code: 'id_number_taken' }]);
    expect(errors[0]?.text).toMatch(/already enrolled on the site: Li Lei( Jr)? \(P1\)/);
    // Within the file nothing repeats: the number is held by a person already on the site.
    expect(await page.getByTestId('import-summary').getAttribute('data-planned')).toBe('1');
    await page.screenshot({ path: `${shots}/import-id-number-taken.png`, fullPage: true });
    await page.context().close();
  }, 120_000);
});
