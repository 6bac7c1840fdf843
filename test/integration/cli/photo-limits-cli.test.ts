import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../shared/rules/photo-limits.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { runCliProcess, runCliProcessMeasured } from '../../support/cli.ts';
import { blackBitmapPng, declaredPng, makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * Pictures whose header declares 60000 × 60000 pixels (3.6 gigapixels, 14 GB as RGBA) in a few
 * kilobytes, a complete 48 KB PNG of 20000 × 20000 (1.6 GB as RGBA: pure-JS decoding took 1.8 GB
 * and two minutes), and a photo file over the byte limit: each is refused from its header or its
 * size, before anything is decoded or read, with the limit and what to do, the same way in `enroll
 * --photo` and in the import's dry run. The CLI runs as a real process and reads its own peak RSS
 * (test/support/peak-rss.ts).
 */
const tempDir = useTempDirs();
let astronaut: Buffer;
let bitmap: Buffer;

beforeAll(() => {
  astronaut = astronautJpeg();
  bitmap = blackBitmapPng(20_000, 20_000);
}, 120_000);

/** The three files: a PNG and a JPEG declaring 60000×60000, and a JPEG of MAX_PHOTO_BYTES + 1 MB (sparse). */
function bombs(dir: string): { png: string; jpeg: string; large: string } {
  const png = join(dir, 'declared.png');
  const jpeg = join(dir, 'declared.jpg');
  const large = join(dir, 'large.jpg');
  writeFileSync(png, declaredPng(60_000, 60_000));
  writeFileSync(jpeg, makeJpegHeader(60_000, 60_000, 51 * 1024));
  // A real 4000×3000 JPEG header, then a hole up to the size: the disk holds only the header.
  const fd = openSync(large, 'w');
  writeSync(fd, makeJpegHeader(4_000, 3_000, 2_000));
  writeSync(fd, Buffer.from([0xff, 0xd9]), 0, 2, MAX_PHOTO_BYTES + 1024 * 1024 - 2);
  closeSync(fd);
  return { png, jpeg, large };
}

describe('photos over the limits, refused before they are decoded', () => {
  it('enroll --photo refuses pictures declaring 60000×60000 and 20000×20000 pixels, saying the limit, in a process that stays small', () => {
    const dir = tempDir();
    const data = ['--data-dir', dir];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);
    const { png, jpeg } = bombs(dir);
    const complete = join(dir, 'bitmap.png');
    writeFileSync(complete, bitmap);
    for (const [photo, side] of [[png, 60_000], [jpeg, 60_000], [complete, 20_000]] as const) {
      const run = runCliProcessMeasured(['enroll', '--site', '1', '--pin', 'B1', '--name', 'Bomb', '--photo', photo, '--json', ...data]);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toEqual({ refused: true, photo, code: 'photo_too_many_pixels', width: side, height: side });
      expect(run.peakRssMb).toBeLessThan(300);
    }
    const text = runCliProcess(['enroll', '--site', '1', '--pin', 'B1', '--name', 'Bomb', '--photo', png, ...data]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${png} (60000×60000) is refused`);
    expect(text.stdout).toContain('at most 50 megapixels');
    expect(text.stdout).toContain('shrink the photo or export it again');
    expect(runCliProcess(['enroll', '--site', '1', '--pin', 'B1', '--name', 'Bomb', '--photo', png, '--lang', 'zh-CN', ...data]).stdout).toContain('超过 5000 万像素');
    // --force-photo is for failed face checks, not for this: nothing is saved.
    expect(runCliProcess(['enroll', '--site', '1', '--pin', 'B1', '--name', 'Bomb', '--photo', png, '--force-photo', ...data]).code).toBe(1);
    expect(JSON.parse(runCliProcess(['people', 'list', '--site', '1', '--json', ...data]).stdout)).toMatchObject({ people: [] });
  }, 120_000);

  it('enroll --photo refuses a file over the byte limit without reading it', () => {
    const dir = tempDir();
    const data = ['--data-dir', dir];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);
    const { large } = bombs(dir);
    const run = runCliProcessMeasured(['enroll', '--site', '1', '--pin', 'L1', '--name', 'Large', '--photo', large, '--json', ...data]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ refused: true, photo: large, code: 'photo_file_too_large', bytes: MAX_PHOTO_BYTES + 1024 * 1024 });
    expect(run.peakRssMb).toBeLessThan(300);
    const text = runCliProcess(['enroll', '--site', '1', '--pin', 'L1', '--name', 'Large', '--photo', large, ...data]);
    expect(text.stdout).toContain('larger than 20 MB');
    expect(runCliProcess(['enroll', '--site', '1', '--pin', 'L1', '--name', 'Large', '--photo', large, '--lang', 'zh-CN', ...data]).stdout).toContain('超过 20 MB');
  }, 60_000);

  it('the import dry run reports both in the photo column, with the same words, and plans the good photo', () => {
    const dir = tempDir();
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    bombs(photos);
    writeFileSync(join(photos, 'ann.jpg'), astronaut);
    const sheet = join(dir, 'people.csv');
    writeFileSync(sheet, ['工号,姓名,照片', 'F1,Ann,ann.jpg', 'F2,Bob,declared.png', 'F3,Cat,large.jpg'].join('\n'));
    const data = ['--data-dir', join(dir, 'data')];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);

    const run = runCliProcessMeasured(['import', sheet, '--site', '1', '--photos', photos, '--dry-run', '--json', ...data]);
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as { planned: number; problems: { row: number; column: { letter: string } | null; code: string; severity: string; text: string }[] };
    expect(body.planned).toBe(1);
    expect(body.problems.map((p) => [p.row, p.column?.letter, p.code, p.severity])).toEqual([
      [3, 'C', 'photo_too_many_pixels', 'error'],
      [4, 'C', 'photo_file_too_large', 'error'],
    ]);
    expect(body.problems[0]?.text).toContain('at most 50 megapixels');
    expect(body.problems[1]?.text).toContain('larger than 20 MB');
    // One face checked (the astronaut, on a face-check thread with its own detector): far from gigabytes.
    expect(run.peakRssMb).toBeLessThan(600);

    const zh = runCliProcess(['import', sheet, '--site', '1', '--photos', photos, '--dry-run', '--lang', 'zh-CN', '--no-face-check', ...data]);
    expect(zh.stdout).toContain('超过 5000 万像素');
    expect(zh.stdout).toContain('超过 20 MB');
  }, 60_000);
});
