import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../../shared/rules/id-number.ts';
import { runCliProcess } from '../../support/cli.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: SimProcess;
beforeAll(async () => {
  sim = await startSimProcess('zkbio', ['--token', 'T']);
});
afterAll(async () => {
  await sim.stop();
});

const id = (first17: string) => first17 + idCheckCharacter(first17);

describe('bulk import from the CLI', () => {
  it('reports bad rows by row and column, imports the good ones, and sync delivers them', () => {
    const dir = tempDir();
    const photos = join(dir, 'photos');
    const csv = join(dir, 'people.csv');
    const good = id('33010619900307123');
    writeFileSync(
      csv,
      [
        '工号,姓名,身份证号,手机',
        `G1,张三,${good},13800000001`,
        'G2,李四,110105194912310021,13800000002',
        'G3,,,13800000003',
        `G4,王五,,13800000004`,
      ].join('\n'),
    );
    runCliProcess(['sites', 'add', 'S', '--data-dir', dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', 'T', '--data-dir', dir]);
    mkdirSync(photos);
    writeFileSync(join(photos, 'G1.jpg'), makeJpegHeader(480, 640, 5_000));
    writeFileSync(join(photos, 'G4.JPG'), makeJpegHeader(480, 640, 5_000));

    const dry = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--dry-run', '--json', '--data-dir', dir]);
    expect(dry.code).toBe(1);
    const plan = JSON.parse(dry.stdout) as { planned: number; rejected: number; problems: { row: number; column: { letter: string } | null; code: string }[] };
    expect(plan).toMatchObject({ planned: 2, rejected: 2 });
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: expect.objectContaining({ letter: 'C' }), code: 'id_number_invalid' }),
        expect.objectContaining({ row: 4, column: expect.objectContaining({ letter: 'B' }), code: 'name_required' }),
      ]),
    );

    const rejected = join(dir, 'rejected.csv');
    const run = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--backend', '1', '--rejected', rejected, '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2 saved');
    expect(readFileSync(rejected, 'utf8')).toContain('110105194912310021');

    expect(runCliProcess(['sync', '--once', '--data-dir', dir]).code).toBe(0);
    const outbox = JSON.parse(runCliProcess(['outbox', 'list', '--json', '--data-dir', dir]).stdout) as { entries: { pin: string; state: string }[] };
    expect(outbox.entries.map((e) => [e.pin, e.state])).toEqual([
      ['G1', 'done'],
      ['G4', 'done'],
    ]);
    // Export, then a dry-run import of the export: the same people, no problems.
    const exported = join(dir, 'export.xlsx');
    expect(runCliProcess(['people', 'export', exported, '--site', '1', '--data-dir', dir]).code).toBe(0);
    const again = JSON.parse(runCliProcess(['import', exported, '--site', '1', '--dry-run', '--json', '--data-dir', dir]).stdout) as { planned: number; rejected: number };
    expect(again).toMatchObject({ planned: 2, rejected: 0 });
  });
});
