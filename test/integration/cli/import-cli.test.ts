import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { idCheckCharacter } from '../../../shared/rules/id-number.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { runCliProcess } from '../../support/cli.ts';
import { makeJpegHeader, makePng } from '../../support/images.ts';
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

    // Made-up photo headers: the opt-out, format and size only (the face check: the next test).
    const dry = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--dry-run', '--no-face-check', '--json', '--data-dir', dir]);
    expect(dry.code).toBe(1);
    const plan = JSON.parse(dry.stdout) as { planned: number; rejected: number; problems: { row: number; column: { letter: string } | null; code: string }[] };
    expect(plan).toMatchObject({ planned: 2, rejected: 2 });
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: expect.objectContaining({ letter: 'C' }), code: 'id_number_invalid' }),
        expect.objectContaining({ row: 4, column: expect.objectContaining({ letter: 'B' }), code: 'person_name_required' }),
      ]),
    );

    const rejected = join(dir, 'rejected.csv');
    const run = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--no-face-check', '--backend', '1', '--rejected', rejected, '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Saved and queued: 2;');
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
    // …each row an update of a person already here, on the backend they were sent to.
    expect(again).toMatchObject({
      planned: 2,
      rejected: 0,
      newPeople: 0,
      updated: 2,
      updates: [
        { row: 2, pin: 'G1', name: '张三', backendIds: [1] },
        { row: 3, pin: 'G4', name: '王五', backendIds: [1] },
      ],
    });
    const backendName = `zkbio ${new URL(sim.url).host}`;
    const text = runCliProcess(['import', exported, '--site', '1', '--dry-run', '--data-dir', dir]).stdout;
    expect(text).toContain(`Row 2: G1 张三 is already a person of this site, on ${backendName} (#1): the row updates them`);
    expect(text).toContain('New people: 0; updates of people already on this site: 2.');
  });

  it('checks the face in every photo: a photo with no face is a row problem, --force-photo keeps it, the import stores the cut', () => {
    const dir = tempDir();
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    writeFileSync(join(photos, 'F1.jpg'), astronautJpeg());
    writeFileSync(join(photos, 'F2.png'), makePng(400, 300));
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, ['工号,姓名', 'F1,Ann', 'F2,Bob'].join('\n'));
    runCliProcess(['sites', 'add', 'S', '--data-dir', dir]);

    const dry = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--dry-run', '--json', '--data-dir', dir]);
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.stdout)).toMatchObject({ planned: 1, rejected: 1, faceCheck: true, problems: [{ row: 3, column: null, code: 'photo_no_face', severity: 'error' }] });
    const zh = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--dry-run', '--lang', 'zh-CN', '--data-dir', dir]);
    expect(zh.stdout).toContain('第 3 行: 照片中找不到人脸。');

    const forced = runCliProcess(['import', csv, '--site', '1', '--photos', photos, '--force-photo', '--json', '--data-dir', dir]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ planned: 2, rejected: 0, imported: 2, problems: [{ row: 3, code: 'photo_no_face', severity: 'warning' }] });
    const people = JSON.parse(runCliProcess(['people', 'list', '--site', '1', '--json', '--data-dir', dir]).stdout) as { people: { fields: { pin: string }; faceSha256: string }[] };
    const stored = (sha: string) => imageInfo(readFileSync(join(dir, 'faces', sha.slice(0, 2), `${sha}.img`)));
    // F1 keeps the square around her face, F2 its photo as it came.
    expect(people.people.map((p) => [p.fields.pin, stored(p.faceSha256)])).toEqual([
      ['F1', expect.objectContaining({ format: 'jpeg', width: 303, height: 303 })],
      ['F2', expect.objectContaining({ format: 'png', width: 400, height: 300 })],
    ]);
  });

  it('maps department names to the backend’s codes (the shipped template’s included) and refuses a department the backend does not have', () => {
    const dir = tempDir();
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, ['工号,姓名,部门', 'T1,张三,土建一班', 'T2,李四,Nowhere'].join('\n'));
    runCliProcess(['sites', 'add', 'S', '--data-dir', dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', 'T', '--data-dir', dir]);
    const dry = runCliProcess(['import', csv, '--site', '1', '--backend', '1', '--dry-run', '--json', '--data-dir', dir]);
    const plan = JSON.parse(dry.stdout) as { planned: number; problems: { row: number; code: string }[]; departments: unknown[] };
    expect(plan.planned).toBe(1);
    expect(plan.problems.filter((p) => p.code.startsWith('department_'))).toEqual([expect.objectContaining({ row: 3, code: 'department_unknown' })]);
    expect(plan.departments).toEqual([{ value: '土建一班', code: '3', name: '土建一班', rows: 1 }]);
    const template = runCliProcess(['import', fileURLToPath(new URL('../../../resources/people-template.csv', import.meta.url)), '--site', '1', '--dry-run', '--data-dir', dir]);
    expect(template.stdout).toContain('Department "Electrical" is Electrical (code 4): 1 row.');
    expect(template.stdout).not.toContain('No such department');
  });
});
