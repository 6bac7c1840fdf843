import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

const ID_A = '11010519491231002X';
const ID_B = '110101199003071233';

async function site(): Promise<{ core: Core; siteId: number }> {
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cores.push(core);
  const siteId = (await call(core, 'sites.create', { name: 'Block 7' })).id;
  return { core, siteId };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('an ID number belongs to one person of a site (issue 12 item 3)', () => {
  it('enroll and edit refuse an ID number someone else has, saying who; the holder may save it again', async () => {
    const { core, siteId } = await site();
    await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li Lei', idNumber: ID_A } });
    await call(core, 'people.enroll', { siteId, person: { pin: 'P2', name: 'Han Meimei' } });

    // A new person with Li Lei's number (typed with a lower-case x): refused, nothing saved.
    const enrolled = await refusal(call(core, 'people.enroll', { siteId, person: { pin: 'P3', name: 'Wang', idNumber: ID_A.toLowerCase() } }));
    expect(enrolled.code).toBe('id_number_taken');
    expect(enrolled.details).toMatchObject({ pin: 'P1', name: 'Li Lei', issues: [{ path: ['person', 'idNumber'], message: 'id_number_taken' }] });
    expect(enrolled.message).toContain('Li Lei (P1)');
    // An edit of Han Meimei giving her Li Lei's number: refused too.
    expect((await refusal(call(core, 'people.enroll', { siteId, person: { pin: 'P2', name: 'Han Meimei', idNumber: ID_A } }))).code).toBe('id_number_taken');
    expect((await call(core, 'people.list', { siteId })).people.map((p) => [p.fields.pin, p.fields.idNumber ?? null])).toEqual([
      ['P1', ID_A],
      ['P2', null],
    ]);

    // Li Lei edited with his own number, and Han Meimei with another: both fine.
    await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li Lei Jr', idNumber: ID_A } });
    await call(core, 'people.enroll', { siteId, person: { pin: 'P2', name: 'Han Meimei', idNumber: ID_B } });

    // The as-typed check the Enroll and Edit forms use.
    expect(await call(core, 'people.idNumberOwner', { siteId, idNumber: ID_A.toLowerCase() })).toMatchObject({ owner: { pin: 'P1', name: 'Li Lei Jr' } });
    expect(await call(core, 'people.idNumberOwner', { siteId, idNumber: ID_A, exceptPin: 'P1' })).toEqual({ owner: null });
    // Another site may have the same person.
    const other = (await call(core, 'sites.create', { name: 'Block 8' })).id;
    expect(await call(core, 'people.idNumberOwner', { siteId: other, idNumber: ID_A })).toEqual({ owner: null });
    await call(core, 'people.enroll', { siteId: other, person: { pin: 'P9', name: 'Li Lei', idNumber: ID_A } });
  });

  it('the import dry run flags a row whose ID number a person of the site already has', async () => {
    const { core, siteId } = await site();
    await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li Lei', idNumber: ID_A } });
    const csv = ['工号,姓名,身份证号', 'R1,Qian Hao,', `R2,Zhang San,${ID_A}`, `R3,Li Si,${ID_B}`].join('\n');
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from(csv).toString('base64') });
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan.problems.filter((p) => p.code === 'id_number_taken')).toEqual([
      expect.objectContaining({ row: 3, field: 'idNumber', severity: 'error', column: { letter: 'C', header: '身份证号' }, owner: { pin: 'P1', name: 'Li Lei' } }),
    ]);
    expect(plan.planned).toBe(2);
    expect(plan.rejected).toBe(1);
    await call(core, 'imports.run', { importId, targets: [] });
    expect((await call(core, 'people.list', { siteId })).people.map((p) => p.fields.pin)).toEqual(['P1', 'R1', 'R3']);
  });
});

describe('a person saved without a face (issue 12 item 2)', () => {
  it('keeps the reason while there is no face, shows it in the export, and a face added later clears it', async () => {
    const { core, siteId } = await site();
    const saved = await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li Lei' }, noFaceReason: 'Camera broken' });
    expect(saved.person).toMatchObject({ faceSha256: null, noFaceReason: 'Camera broken' });
    // An edit without a photo keeps the reason.
    await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li Lei Jr' } });
    await call(core, 'people.enroll', { siteId, person: { pin: 'P2', name: 'Han', idNumber: ID_B }, noFaceReason: '=HYPERLINK("http://x")' });
    expect((await call(core, 'people.list', { siteId })).people[0]).toMatchObject({ faceSha256: null, noFaceReason: 'Camera broken' });

    const csv = Buffer.from((await call(core, 'people.exportTable', { siteId, format: 'csv' })).base64, 'base64').toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('工号/Personnel number,姓名/Name,身份证号/ID number,手机/Phone,性别/Gender,部门/Department,卡号/Card,有效期开始/Valid from,有效期结束/Valid to,无人脸/No face,无人脸原因/No-face reason');
    expect(lines[1]).toBe('P1,Li Lei Jr,,,,,,,,是/Yes,Camera broken');
    // The reason is typed text: neutralized as a formula, as every cell Doorman writes.
    expect(lines[2]).toBe(`P2,Han,${ID_B},,,,,,,是/Yes,"'=HYPERLINK(""http://x"")"`);

    // The workbook says the same.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await call(core, 'people.exportTable', { siteId, format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect([10, 11].map((c) => sheet?.getRow(1).getCell(c).value)).toEqual(['无人脸/No face', '无人脸原因/No-face reason']);
    expect([1, 10, 11].map((c) => sheet?.getRow(2).getCell(c).value)).toEqual(['P1', '是/Yes', 'Camera broken']);

    // The export imported again: the no-face columns are skipped silently.
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'again.csv', base64: Buffer.from(csv).toString('base64') });
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan.problems.filter((p) => p.code === 'column_unknown')).toEqual([]);
    expect(plan.planned).toBe(2);

    // The face added later (People → Edit): the mark and the reason go.
    const jpeg = readFileSync(join(import.meta.dirname, '../../../.tools/fixtures/astronaut.png'));
    const withFace = await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li Lei Jr' }, face: { jpegBase64: jpeg.toString('base64'), failedChecks: [] } });
    expect(withFace.person.faceSha256).not.toBeNull();
    expect(withFace.person.noFaceReason).toBeUndefined();
    const after = Buffer.from((await call(core, 'people.exportTable', { siteId, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(after.split('\r\n')[1]).toBe('P1,Li Lei Jr,,,,,,,,,');
  });

  it('refuses an empty or over-long reason', async () => {
    const { core, siteId } = await site();
    const empty = await refusal(call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li' }, noFaceReason: '  ' }));
    expect(empty.details).toMatchObject({ issues: [{ path: ['noFaceReason'], message: 'no_face_reason_required' }] });
    const long = await refusal(call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: 'Li' }, noFaceReason: 'x'.repeat(201) }));
    expect(long.details).toMatchObject({ issues: [{ path: ['noFaceReason'], message: 'no_face_reason_too_long' }] });
  });
});

describe('a photo file chosen for a person (People → Edit)', () => {
  it('is judged as enroll --photo judges it, and the square around the face is what to keep', async () => {
    const { core } = await site();
    const png = readFileSync(join(import.meta.dirname, '../../../.tools/fixtures/astronaut.png'));
    const check = await call(core, 'people.checkPhoto', { backendIds: [], photoBase64: png.toString('base64') });
    expect(check).toMatchObject({ ok: true, faces: 1, failedChecks: [] });
    expect(check.width * check.height).toBeGreaterThanOrEqual(80_000);
    expect(Buffer.from(check.photoBase64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const notImage = await refusal(call(core, 'people.checkPhoto', { backendIds: [], photoBase64: Buffer.from('x'.repeat(200)).toString('base64') }));
    expect(notImage.details).toMatchObject({ issues: [{ message: 'photo_format' }] });
  });
});
