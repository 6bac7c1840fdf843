import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { checkStillPhoto } from '../../../electron/photos/still-photo-check.ts';
import { planImport, type ImportProblem } from '../../../electron/import/plan-import.ts';
import { VENDORS } from '../../../shared/contract/backends.ts';
import { astronautJpeg, astronauts } from '../../support/astronaut.ts';
import { makePng } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** [row, column letter, field, code, severity, checks, faces]: what the tests assert of a problem. */
const brief = (p: ImportProblem) => [p.row, p.column?.letter ?? null, p.field, p.code, p.severity, p.checks ?? null, p.faces ?? null];

let astronaut: Buffer;
let tiny: Buffer;
let pair: Buffer;
beforeAll(() => {
  astronaut = astronautJpeg();
  // Her face about 56 px wide in a 400×400 picture: even the smallest square ZKBio takes (283 px)
  // holds it at about 20 %, under ZKBio's 25 % (the strictest profile).
  tiny = astronauts(1, 224, 400, 400);
  pair = astronauts(2, 256, 520, 280);
}, 120_000);

/**
 * A sheet naming the photo in column C for rows 2–4 and leaving it empty on row 5 (matched by the
 * personnel number then): the astronaut (passes), a gradient (no face), a face too small, two faces.
 */
function fixture(): { dir: string; file: string; photos: string } {
  const dir = tempDir();
  const photos = join(dir, 'photos');
  mkdirSync(photos);
  writeFileSync(join(photos, 'ann.jpg'), astronaut);
  writeFileSync(join(photos, 'gradient.png'), makePng(400, 300));
  writeFileSync(join(photos, 'tiny.png'), tiny);
  writeFileSync(join(photos, 'F4.png'), pair);
  const file = join(dir, 'people.csv');
  writeFileSync(file, ['工号,姓名,照片', 'F1,Ann,ann.jpg', 'F2,Bob,gradient.png', 'F3,Cat,tiny.png', 'F4,Dan,'].join('\n'));
  return { dir, file, photos };
}

const FACE_PROBLEMS = [
  [3, 'C', 'photo', 'photo_no_face', 'error', null, null],
  [4, 'C', 'photo', 'photo_face_check', 'error', ['face_size'], null],
  [5, 'C', 'photo', 'photo_faces', 'error', null, 2],
];

describe('the import dry run checks the face in every photo', () => {
  it('reports no face, a face too small and two faces in the photo column, and plans the good photo', async () => {
    const { file, photos } = fixture();
    const progress: [number, number][] = [];
    const plan = await planImport({ file, photosDir: photos, onProgress: (done, total) => progress.push([done, total]) });
    expect(plan.problems.map(brief)).toEqual(FACE_PROBLEMS);
    expect(plan.problems.map((p) => p.message)).toEqual([
      'No face found in the photo.',
      "The face fails the vendors' photo rules: face_size.",
      'The photo shows 2 faces; it must show this person alone.',
    ]);
    // A dry run with nowhere to put the cuts judges only: the planned row points at the photo as given.
    expect(plan.rows).toEqual([{ row: 2, person: { pin: 'F1', name: 'Ann' }, photoPath: join(photos, 'ann.jpg'), photoSource: join(photos, 'ann.jpg'), failedChecks: [] }]);
    expect(plan.rejected.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4]);
  });

  it('off, only the format and size are checked', async () => {
    const { file, photos } = fixture();
    const plan = await planImport({ file, photosDir: photos, faceCheck: false });
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.photoPath])).toEqual([
      [2, join(photos, 'ann.jpg')],
      [3, join(photos, 'gradient.png')],
      [4, join(photos, 'tiny.png')],
      [5, join(photos, 'F4.png')],
    ]);
  });

  it('keeps the square around the face, the bytes enroll --photo keeps, and the import stores it', async () => {
    const { dir, file, photos } = fixture();
    const cutDir = join(dir, 'cut');
    mkdirSync(cutDir);
    const plan = await planImport({ file, photosDir: photos, cutDir });
    expect(plan.rows.map((r) => [r.row, r.photoPath, r.photoSource])).toEqual([[2, join(cutDir, '2.jpg'), join(photos, 'ann.jpg')]]);
    const cut = readFileSync(join(cutDir, '2.jpg'));
    // The square: 2.2 × her face, at least 80,000 pixels, moved down to the top edge (still-photo-check.test.ts).
    expect(imageInfo(cut)).toMatchObject({ format: 'jpeg', width: 303, height: 303 });
    expect(cut.equals(Buffer.from((await checkStillPhoto(astronaut, VENDORS)).photo))).toBe(true);

    core = createCore({ dataDir: join(dir, 'data'), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    expect(await core.people.importRows(siteId, [], plan.rows)).toBe(1);
    const [person] = core.people.list(siteId);
    expect(person?.faceSha256).toBe(createHash('sha256').update(cut).digest('hex'));
  });

  it('--force-photo keeps the failing photos as warnings, cut where there is a face, with the failures recorded', async () => {
    const { dir, file, photos } = fixture();
    const cutDir = join(dir, 'cut');
    mkdirSync(cutDir);
    const plan = await planImport({ file, photosDir: photos, cutDir, forcePhoto: true });
    expect(plan.problems.map(brief)).toEqual(FACE_PROBLEMS.map((p) => [...p.slice(0, 4), 'warning', ...p.slice(5)]));
    expect(plan.rows.map((r) => [r.row, r.photoPath, r.failedChecks])).toEqual([
      [2, join(cutDir, '2.jpg'), []],
      // No face: nothing to cut around, the photo is kept as it came.
      [3, join(photos, 'gradient.png'), ['one_face', 'face_size', 'centred', 'pose', 'brightness', 'sharpness']],
      [4, join(cutDir, '4.jpg'), ['face_size']],
      [5, join(photos, 'F4.png'), ['one_face', 'face_size', 'centred', 'pose', 'brightness', 'sharpness']],
    ]);
    expect(imageInfo(readFileSync(join(cutDir, '4.jpg')))).toMatchObject({ format: 'jpeg', width: 283, height: 283 });
  });
});

describe('the face check through the API (the Import page)', () => {
  async function staged(photoCount: number) {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const rows = ['工号,姓名', 'F1,Ann', 'F2,Bob', ...Array.from({ length: photoCount - 2 }, (_, i) => `M${i},Many${i}`)];
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from(rows.join('\n')).toString('base64') });
    await call(core, 'imports.addPhoto', { importId, fileName: 'F1.jpg', base64: astronaut.toString('base64') });
    await call(core, 'imports.addPhoto', { importId, fileName: 'F2.png', base64: makePng(400, 300).toString('base64') });
    for (let i = 0; i < photoCount - 2; i++) await call(core, 'imports.addPhoto', { importId, fileName: `M${i}.jpg`, base64: astronaut.toString('base64') });
    return { core, siteId, importId };
  }

  it('plans with progress, imports the cut with progress, and names the failed checks in the rejected rows', async () => {
    const { core, siteId, importId } = await staged(2);
    const events: { phase: string; done: number; total: number }[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'imports.progress') events.push(payload as { phase: string; done: number; total: number });
    });
    const plan = await call(core, 'imports.plan', { importId });
    expect(plan).toMatchObject({ planned: 1, rejected: 1, faceCheck: true, preview: [{ row: 2, pin: 'F1', photo: 'F1.jpg' }] });
    expect(plan.problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([[3, null, 'photo_no_face', 'error']]);
    expect(events.filter((e) => e.phase === 'check').at(-1)).toEqual({ importId, phase: 'check', done: 2, total: 2 });

    expect(await call(core, 'imports.run', { importId, targets: [] })).toEqual({ imported: 1, rejected: 1, cancelled: false });
    expect(events.at(-1)).toEqual({ importId, phase: 'import', done: 1, total: 1 });
    const [person] = core.people.list(siteId);
    const expected = Buffer.from((await checkStillPhoto(astronaut, VENDORS)).photo);
    expect(person?.faceSha256).toBe(createHash('sha256').update(expected).digest('hex'));

    const rejected = Buffer.from((await call(core, 'imports.rejectedCsv', { importId, lang: 'zh-CN' })).base64, 'base64').toString('utf8');
    expect(rejected).toContain('照片中找不到人脸。');
  });

  it('faceCheck false plans from the headers only; imports.cancel stops a dry run', async () => {
    const { core, importId } = await staged(14);
    expect(await call(core, 'imports.plan', { importId, faceCheck: false })).toMatchObject({ planned: 14, rejected: 0, faceCheck: false, problems: [] });

    const stop = core.bus.listen((event, payload) => {
      if (event === 'imports.progress' && (payload as { phase: string }).phase === 'check') void call(core, 'imports.cancel', { importId });
    });
    expect(await core.dispatch('imports.plan', { importId })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    stop();
    // Nothing half-planned is kept: the import plans again (here without the face check).
    expect(await call(core, 'imports.plan', { importId, faceCheck: false })).toMatchObject({ planned: 14 });
  });
});
