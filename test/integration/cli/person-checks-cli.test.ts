import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const ID_LI = '11010519491231002X';

describe('the CLI: no face marked, one person per ID number (issue 12 items 2 and 3)', () => {
  it('enroll without a photo says how to add it; people list and export mark "no face"; a taken ID number is refused by enroll and import', () => {
    const dir = tempDir();
    const cli = (...args: string[]) => runCliProcess([...args, '--data-dir', dir]);
    cli('sites', 'add', 'S');
    const li = cli('enroll', '--site', '1', '--pin', 'P1', '--name', 'Li Lei', '--id-number', ID_LI, '--no-face-reason', 'Camera broken');
    expect(li.code).toBe(0);
    expect(li.stdout).toContain('P1 has no face photo and is marked "no face"');
    expect(li.stdout).toContain('enroll --pin P1 --photo <file>');

    const list = cli('people', 'list', '--site', '1');
    expect(list.stdout).toContain('No face: Camera broken');
    const zh = cli('people', 'list', '--site', '1', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('无人脸：Camera broken');

    const exported = join(dir, 'people.csv');
    expect(cli('people', 'export', exported, '--site', '1').code).toBe(0);
    const lines = readFileSync(exported, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/,无人脸\/No face,无人脸原因\/No-face reason$/);
    expect(lines[1]).toBe(`P1,Li Lei,${ID_LI},,,,,,,是/Yes,Camera broken`);

    // The same ID number for someone else: refused, naming who has it and what to do.
    const wang = cli('enroll', '--site', '1', '--pin', 'P2', '--name', 'Wang', '--id-number', ID_LI);
    expect(wang.code).not.toBe(0);
    expect(wang.stderr).toContain('This ID number is already enrolled: Li Lei (P1)');
    expect(wang.stderr).toContain('edit P1 on the People page');

    const table = join(dir, 'import.csv');
    writeFileSync(table, ['工号,姓名,身份证号', `R1,Zhao,${ID_LI}`].join('\n'));
    const dry = cli('import', table, '--site', '1', '--dry-run', '--no-face-check');
    expect(dry.stdout).toContain('This ID number is already enrolled on the site: Li Lei (P1)');
  });
});
