import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { planImport } from '../../../electron/import/plan-import.ts';
import type { PersonFields } from '../../../shared/contract/people.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** What a hostile tester typed into names and departments (OWASP's examples and their kin). */
const PEOPLE: PersonFields[] = [
  { pin: 'F1', name: '=HYPERLINK("http://evil.example/","Hi")', department: '+cmd|\' /C calc\'!A0', phone: '+8613800138000' },
  { pin: 'F2', name: '-2+3+cmd|\' /C calc\'!A0', department: '@SUM(1+9)*cmd|\' /C calc\'!A0' },
  { pin: 'F3', name: '＝1+2', department: '\'=typed with an apostrophe' },
  { pin: 'F4', name: '张三', department: 'a=b, not a formula' },
];

/** A cell a spreadsheet program would evaluate: it starts like a formula, after spaces or not. */
const FORMULA = /^\p{Zs}*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** The CSV's cells as a spreadsheet program reads them (BOM off, no mark undone). */
function cellsOf(csv: Buffer): string[][] {
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(csv.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
}

function expectNoFormula(csv: Buffer): string[][] {
  const rows = cellsOf(csv);
  for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
  return rows;
}

describe('every CSV Doorman writes neutralises formulas, and import gives back what was typed', () => {
  it('people export (API and CLI): formula cells start with \', and importing the export gives back the people exactly', async () => {
    const dataDir = tempDir();
    core = createCore({ dataDir, runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    for (const person of PEOPLE) await call(core, 'people.enroll', { siteId, person, targets: [] });
    await core.close();
    core = undefined;

    const exported = join(dataDir, 'people.csv');
    expect(runCliProcess(['people', 'export', exported, '--site', String(siteId), '--data-dir', dataDir]).code).toBe(0);
    const rows = expectNoFormula(readFileSync(exported));
    const [header, ...data] = rows;
    const column = (name: string) => header?.findIndex((h) => h.includes(name)) ?? -1;
    expect(data.map((r) => r[column('Name')])).toEqual(["'=HYPERLINK(\"http://evil.example/\",\"Hi\")", "'-2+3+cmd|' /C calc'!A0", "'＝1+2", '张三']);
    expect(data.map((r) => r[column('Department')])).toEqual(["'+cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0", "''=typed with an apostrophe", 'a=b, not a formula']);
    expect(data[0]?.[column('Phone')]).toBe("'+8613800138000");

    const plan = await planImport({ file: exported });
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => r.person)).toEqual(PEOPLE);

    core = createCore({ dataDir, runtime: 'node' });
    const viaApi = Buffer.from((await call(core, 'people.exportTable', { siteId, format: 'csv' })).base64, 'base64');
    expect(viaApi.equals(readFileSync(exported))).toBe(true);
  });

  it('the rejected rows (API and CLI --rejected) neutralise the cells as they came, and the problems', async () => {
    const dir = tempDir();
    const table = join(dir, 'people.csv');
    // Row 2: a wrong ID checksum keeps the formulas out; row 3: a tab before =1+2 in the name.
    writeFileSync(table, ['工号,姓名,身份证号,备注', 'P1,"=HYPERLINK(""http://evil.example/"",""x"")",110105194912310021,+cmd|\' /C calc\'!A0', 'P2,"\t=1+2",,@SUM(1)', 'P3,王五,,-fine'].join('\r\n'));

    core = createCore({ dataDir: dir, runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: readFileSync(table).toString('base64') });
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column?.letter, p.code])).toEqual([
      [2, 'C', 'id_number_invalid'],
      [3, 'B', 'name_control_chars'],
    ]);
    const viaApi = Buffer.from((await call(core, 'imports.rejectedCsv', { importId, lang: 'en' })).base64, 'base64');
    const rows = expectNoFormula(viaApi);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['P1', "'=HYPERLINK(\"http://evil.example/\",\"x\")", '110105194912310021', "'+cmd|' /C calc'!A0"],
      ['P2', "'\t=1+2", '', "'@SUM(1)"],
    ]);
    expect(rows[2]?.[4]).toContain('B (姓名): The name contains a control character');

    const rejected = join(dir, 'rejected.csv');
    const cli = runCliProcess(['import', table, '--site', String(siteId), '--dry-run', '--no-face-check', '--rejected', rejected, '--data-dir', join(dir, 'cli')]);
    expect(cli.code).toBe(1);
    expectNoFormula(readFileSync(rejected));
    expect(readFileSync(rejected).equals(viaApi)).toBe(true);

    // Imported again, the rejected rows are the rows as typed: the same problems, the same text.
    const again = await planImport({ file: rejected });
    expect(again.problems.filter((p) => p.severity === 'error').map((p) => [p.row - 1, p.column?.letter, p.code])).toEqual([
      [1, 'C', 'id_number_invalid'],
      [2, 'B', 'name_control_chars'],
    ]);
    expect(again.rejected.map((r) => r.cells.slice(0, 4))).toEqual([
      ['P1', '=HYPERLINK("http://evil.example/","x")', '110105194912310021', "+cmd|' /C calc'!A0"],
      ['P2', '\t=1+2', '', '@SUM(1)'],
    ]);
  });

  it('import never trims a tab into a formula: \\t=1+2 is refused as typed, " =1+2" keeps its space', async () => {
    const file = join(tempDir(), 'tabs.csv');
    writeFileSync(file, ['工号,姓名,部门', 'T1,"\t=1+2",', 'T2,李四," =1+2 "', 'T3,  王五  ,\u3000Sales\u3000'].join('\r\n'));
    const plan = await planImport({ file });
    expect(plan.problems.map((p) => [p.row, p.column?.letter, p.code])).toEqual([[2, 'B', 'name_control_chars']]);
    expect(plan.rows.map((r) => r.person)).toEqual([
      { pin: 'T2', name: '李四', department: ' =1+2' },
      { pin: 'T3', name: '王五', department: 'Sales' },
    ]);
  });
});
