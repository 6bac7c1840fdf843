import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** The lines a run wrote to stderr, blank ones left out. */
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('enroll’s mistakes, said briefly and by field name (issue 12 item 17)', () => {
  it('a wrong photo file gives the error and a one-line hint, not the usage of every command', () => {
    const dir = tempDir();
    const data = ['--data-dir', dir];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);
    const notPhoto = join(dir, 'notes.txt');
    writeFileSync(notPhoto, 'not a picture');

    const wrong = runCliProcess(['enroll', '--site', '1', '--pin', 'A1', '--name', 'Eileen', '--photo', notPhoto, ...data]);
    expect(wrong.code).toBe(1);
    expect(lines(wrong.stderr)).toEqual([`${notPhoto} is not a JPEG or PNG photo.`, expect.stringContaining('JPEG or PNG file of the person’s face')]);
    expect(wrong.stderr).not.toContain('Commands:');

    const missing = runCliProcess(['enroll', '--site', '1', '--pin', 'A1', '--name', 'Eileen', '--photo', join(dir, 'nowhere.jpg'), '--lang', 'zh-CN', ...data]);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toHaveLength(2);
    expect(missing.stderr).toContain('无法读取');
    expect(missing.stderr).toContain('--photo');
    expect(missing.stderr).not.toContain('Commands:');
  });

  it('a usage mistake gives the usage line and where the rest is, not every command', () => {
    const dir = tempDir();
    const run = runCliProcess(['enroll', '--site', '1', '--name', 'Eileen', '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['Missing --pin.', expect.stringContaining('Usage: doorman'), 'doorman --help lists every command and option.']);
  });

  it('names the ID-number field in Chinese (身份证号), not its path person.idNumber', () => {
    const dir = tempDir();
    const data = ['--data-dir', dir];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);
    const zh = runCliProcess(['enroll', '--site', '1', '--pin', 'A1', '--name', '王五', '--id-number', '110101199003071234', '--lang', 'zh-CN', ...data]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('身份证号：');
    expect(zh.stderr).not.toContain('person.idNumber');
    const en = runCliProcess(['enroll', '--site', '1', '--pin', 'A1', '--name', 'Wang Wu', '--id-number', '110101199003071234', ...data]);
    expect(en.stderr).toContain('ID number: ');
  });
});
