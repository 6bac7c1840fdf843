import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../../shared/rules/id-number.ts';
import { peopleToCsv, peopleToXlsx } from '../../../electron/import/export-table.ts';
import { planImport, type ImportProblem } from '../../../electron/import/plan-import.ts';
import { TableReadError } from '../../../electron/import/read-table.ts';
import type { PersonFields } from '../../../shared/contract/people.ts';
import { makeJpegHeader, makePng } from '../../support/images.ts';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const ID_A = id('11010519491231002');
const ID_B = id('44030419900101123');
const ID_C = id('33010619850615004');
/** ID_A with a wrong check character. */
const ID_BAD = ID_A.slice(0, 17) + (ID_A.endsWith('1') ? '2' : '1');

/** [row, column letter, field, code, severity]: what each test asserts about a problem. */
const brief = (p: ImportProblem) => [p.row, p.column?.letter ?? null, p.field, p.code, p.severity];

let dir: string;
let photos: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorman-import-'));
  photos = join(dir, 'photos');
  mkdirSync(photos);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writePhotos(): void {
  const jpeg = makeJpegHeader(400, 300, 5_000);
  writeFileSync(join(photos, 'P1.jpg'), jpeg);
  writeFileSync(join(photos, 'P2.jpg'), jpeg);
  writeFileSync(join(photos, 'p5.JPEG'), jpeg);
  writeFileSync(join(photos, 'P8.jpg'), 'this is not an image');
  writeFileSync(join(photos, 'P9.png'), makePng(200, 200));
  writeFileSync(join(photos, `${ID_C}.PNG`), makePng(400, 300));
  writeFileSync(join(photos, 'stray.jpg'), jpeg);
  writeFileSync(join(photos, 'notes.txt'), 'not a photo, ignored');
}

describe('planImport, CSV with deliberate bad rows', () => {
  it('reports each problem by row and column and plans the good rows with their photos', async () => {
    writePhotos();
    const csv = [
      '工号,姓名,身份证号,手机,性别,有效期开始,有效期结束,备注',
      `P1,张三,${ID_A},13800138000,男,2026-01-01 08:00:00,2026-12-31 18:00:00,ok`, // 2 good, photo by pin
      `P2,李四,${ID_BAD},,,,,bad checksum`, // 3
      `P3,,,,,,,empty name`, // 4
      `A-1,王五,,,,,,bad pin`, // 5
      `p1,赵六,,,,,,duplicate pin (case-insensitive)`, // 6
      `P5,钱七,,,女,2026-02-30,,bad date`, // 7
      `P7,孙八,,,,,,missing photo`, // 8 planned, warning
      `P8,周九,,,,,,non-image photo`, // 9
      `P9,吴十,,,,,,tiny photo`, // 10
      `P10,郑一,${ID_C.toLowerCase()},,F,2026-03-01,2026-03-31,photo by ID number`, // 11 good
      ',,,,,,,', // 12 blank: skipped
      `P11,冯二,${ID_A},,,,,duplicate ID`, // 13
    ].join('\r\n');
    const file = join(dir, 'people.csv');
    writeFileSync(file, `\uFEFF${csv}\r\n`);

    // The header checks (format, pixels) of these made-up photos; the face check: face-check-import.test.ts.
    const plan = await planImport({ file, photosDir: photos, faceCheck: false });

    expect(plan.problems.map(brief)).toEqual([
      [1, 'H', null, 'column_unknown', 'warning'],
      [3, 'C', 'idNumber', 'id_number_invalid', 'error'],
      [4, 'B', 'name', 'person_name_required', 'error'],
      [4, null, 'photo', 'photo_missing', 'warning'],
      [5, 'A', 'pin', 'pin_format', 'error'],
      [5, null, 'photo', 'photo_missing', 'warning'],
      [6, 'A', 'pin', 'duplicate_pin', 'error'],
      [7, 'F', 'validFrom', 'no_such_date', 'error'],
      [8, null, 'photo', 'photo_missing', 'warning'],
      [9, null, 'photo', 'photo_format', 'error'],
      [10, null, 'photo', 'photo_too_small', 'error'],
      [13, 'C', 'idNumber', 'duplicate_id_number', 'error'],
      [13, null, 'photo', 'photo_missing', 'warning'],
    ]);
    expect(plan.problems.find((p) => p.code === 'column_unknown')?.column).toEqual({ letter: 'H', header: '备注' });
    expect(plan.problems.find((p) => p.code === 'duplicate_pin')?.message).toBe('Same personnel number as row 2.');
    expect(plan.problems.find((p) => p.code === 'photo_too_small')?.message).toContain('200×200');

    expect(plan.rows).toEqual([
      {
        row: 2,
        person: { pin: 'P1', name: '张三', idNumber: ID_A, phone: '13800138000', gender: 'M', validFrom: '2026-01-01 08:00:00', validTo: '2026-12-31 18:00:00' },
        photoPath: join(photos, 'P1.jpg'),
        photoSource: join(photos, 'P1.jpg'),
        failedChecks: [],
      },
      { row: 8, person: { pin: 'P7', name: '孙八' }, photoPath: null, photoSource: null, failedChecks: [] },
      {
        row: 11,
        person: { pin: 'P10', name: '郑一', idNumber: ID_C, gender: 'F', validFrom: '2026-03-01 00:00:00', validTo: '2026-03-31 23:59:59' },
        photoPath: join(photos, `${ID_C}.PNG`),
        photoSource: join(photos, `${ID_C}.PNG`),
        failedChecks: [],
      },
    ]);
    expect(plan.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 9, 10, 13]);
    expect(plan.rejected[0]?.cells).toEqual(['P2', '李四', ID_BAD, '', '', '', '', 'bad checksum']);
    expect(plan.duplicates).toEqual([
      { field: 'pin', value: 'P1', rows: [2, 6] },
      { field: 'idNumber', value: ID_A, rows: [2, 13] },
    ]);
    // P2.jpg and p5.JPEG belong to rows that failed, but they are matched all the same.
    expect(plan.unmatchedPhotos).toEqual(['stray.jpg']);
  });

  it('without a photo folder, plans rows with no photo and no photo problems', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, `Personnel number,Name,Gender,Valid to\nA1,Ann,x,2026-13-01\nA2,Bob,m,2026/7/1\n`);
    const plan = await planImport({ file });
    expect(plan.problems.map(brief)).toEqual([
      [2, 'C', 'gender', 'gender_format', 'error'],
      [2, 'D', 'validTo', 'no_such_date', 'error'],
    ]);
    expect(plan.rows).toEqual([{ row: 3, person: { pin: 'A2', name: 'Bob', gender: 'M', validTo: '2026-07-01 23:59:59' }, photoPath: null, photoSource: null, failedChecks: [] }]);
  });

  it('a missing personnel-number column is one problem, not one per row', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, `姓名,部门\n张三,A\n李四,B\n`);
    const plan = await planImport({ file });
    expect(plan.problems.map(brief)).toEqual([[1, null, 'pin', 'column_missing', 'error']]);
    expect(plan.rows).toEqual([]);
    expect(plan.rejected.map((r) => r.row)).toEqual([2, 3]);
  });

  it('decodes a GBK (GB18030) CSV as Chinese Excel writes it', async () => {
    const file = join(dir, 'gbk.csv');
    // "工号,姓名\r\nG1,张三\r\n" in GBK
    const gbk = Buffer.from([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0x47, 0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a]);
    writeFileSync(file, gbk);
    const plan = await planImport({ file });
    expect(plan.problems).toEqual([]);
    expect(plan.rows).toEqual([{ row: 2, person: { pin: 'G1', name: '张三' }, photoPath: null, photoSource: null, failedChecks: [] }]);
  });

  it('refuses a file that is neither CSV nor XLSX with a typed error', async () => {
    const file = join(dir, 'people.xls');
    writeFileSync(file, 'x');
    await expect(planImport({ file })).rejects.toBeInstanceOf(TableReadError);
    await expect(planImport({ file })).rejects.toMatchObject({ code: 'table_format' });
  });

  it('a corrupt or missing workbook is a typed error, not a crash', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, 'not a zip');
    await expect(planImport({ file })).rejects.toMatchObject({ name: 'TableReadError', code: 'table_unreadable' });
    await expect(planImport({ file: join(dir, 'absent.xlsx') })).rejects.toMatchObject({ code: 'table_unreadable' });
    await expect(planImport({ file: join(dir, 'absent.csv') })).rejects.toMatchObject({ code: 'table_unreadable' });
  });
});

describe('planImport, XLSX', () => {
  it('reads numbers, Excel date cells and rich text, and reports bad rows by row and column', async () => {
    writePhotos();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['人员编号', '姓名 Name', 'ID number', '卡号', '有效期开始', '有效期结束', '照片']);
    sheet.addRow([1001, { richText: [{ text: '张' }, { text: '三' }] }, ID_B, 12345678, new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31)), 'P1.jpg']); // 2 good
    sheet.addRow(['P2', '李四', ID_BAD, null, null, null, 'P2.jpg']); // 3 bad checksum
    sheet.addRow(['P3', '', null, 'abc', null, null, 'P9.png']); // 4 empty name, bad card, tiny photo
    sheet.addRow(['P4', '王五', null, null, 46_023.5, 'soon', 'P8.jpg']); // 5 serial date ok, bad date, non-image
    sheet.addRow([1001, '赵六', null, null, null, null, 'nope.jpg']); // 6 duplicate pin, photo not found
    const file = join(dir, 'people.xlsx');
    await workbook.xlsx.writeFile(file);

    const plan = await planImport({ file, photosDir: photos, faceCheck: false });
    expect(plan.problems.map(brief)).toEqual([
      [3, 'C', 'idNumber', 'id_number_invalid', 'error'],
      [4, 'B', 'name', 'person_name_required', 'error'],
      [4, 'D', 'cardNo', 'card_format', 'error'],
      [4, 'G', 'photo', 'photo_too_small', 'error'],
      [5, 'F', 'validTo', 'datetime_format', 'error'],
      [5, 'G', 'photo', 'photo_format', 'error'],
      [6, 'A', 'pin', 'duplicate_pin', 'error'],
      [6, 'G', 'photo', 'photo_unreadable', 'error'],
    ]);
    expect(plan.problems[0]?.column).toEqual({ letter: 'C', header: 'ID number' });
    expect(plan.rows).toEqual([
      {
        row: 2,
        person: { pin: '1001', name: '张三', idNumber: ID_B, cardNo: '12345678', validFrom: '2026-01-01 00:00:00', validTo: '2026-12-31 23:59:59' },
        photoPath: join(photos, 'P1.jpg'),
        photoSource: join(photos, 'P1.jpg'),
        failedChecks: [],
      },
    ]);
    expect(plan.unmatchedPhotos).toEqual([`${ID_C}.PNG`, 'p5.JPEG', 'stray.jpg']);
  });
});

describe('export → re-import', () => {
  const people: PersonFields[] = [
    { pin: '0007', name: '张三', idNumber: ID_A, phone: '+8613800138000', gender: 'M', department: '土建, 一班', cardNo: '00012345', validFrom: '2026-01-01 00:00:00', validTo: '2026-12-31 23:59:59' },
    { pin: 'B2', name: 'Li "Si"', gender: 'F' },
    { pin: 'C3', name: '王五', idNumber: ID_B },
  ];

  it('round-trips through CSV', async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, peopleToCsv(people));
    const plan = await planImport({ file });
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => r.person)).toEqual(people);
  });

  it('round-trips through XLSX, keeping leading zeros', async () => {
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, await peopleToXlsx(people));
    const plan = await planImport({ file });
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => r.person)).toEqual(people);
  });

  it('the committed templates import cleanly', async () => {
    for (const name of ['people-template.csv', 'people-template.xlsx']) {
      const plan = await planImport({ file: join(import.meta.dirname, '../../../resources', name) });
      expect(plan.problems).toEqual([]);
      expect(plan.rows.map((r) => r.person.pin)).toEqual(['1001', '1002']);
    }
  });
});
