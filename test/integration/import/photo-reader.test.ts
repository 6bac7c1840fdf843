import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { checkPhoto } from '../../../electron/import/photo-match.ts';
import { PhotoReader } from '../../../electron/photos/photo-reader.ts';
import { planImport } from '../../../electron/import/plan-import.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** A JPEG whose frame header sits behind a 200 KB block of APP markers (a camera's large EXIF). */
function jpegWithLargeExif(width: number, height: number): Buffer {
  const app = (fill: number) => Buffer.concat([Buffer.from([0xff, 0xe1, 0xff, 0xff]), Buffer.alloc(0xffff - 2, fill)]);
  const base = makeJpegHeader(width, height, 2_000);
  return Buffer.concat([base.subarray(0, 2), app(1), app(2), app(3), app(4), base.subarray(2)]);
}

describe('photos read into one reused buffer', () => {
  it('reads files of any size, growing the buffer, and limits a header read', async () => {
    const dir = tempDir();
    const reader = new PhotoReader();
    const small = makeJpegHeader(400, 300, 1_000);
    const large = makeJpegHeader(800, 600, 300_000);
    writeFileSync(join(dir, 'small.jpg'), small);
    writeFileSync(join(dir, 'large.jpg'), large);
    expect(Buffer.from((await reader.read(join(dir, 'small.jpg'))).bytes).equals(small)).toBe(true);
    expect(Buffer.from((await reader.read(join(dir, 'large.jpg'))).bytes).equals(large)).toBe(true);
    // Smaller again after growing: only the file's bytes, none left over from the large one.
    expect(Buffer.from((await reader.read(join(dir, 'small.jpg'))).bytes).equals(small)).toBe(true);
    const head = await reader.read(join(dir, 'large.jpg'), 1_024);
    expect([head.bytes.length, head.size]).toEqual([1_024, large.length]);
    await expect(reader.read(join(dir, 'missing.jpg'))).rejects.toThrow(/ENOENT/);
  });

  it('finds a frame header past the first 128 KB, as before', async () => {
    const dir = tempDir();
    const photo = jpegWithLargeExif(640, 480);
    writeFileSync(join(dir, 'exif.jpg'), photo);
    expect(await checkPhoto(join(dir, 'exif.jpg'), new PhotoReader())).toEqual({ ok: true, info: { format: 'jpeg', width: 640, height: 480, bytes: photo.length } });
  });

  it('an import stores each row its own photo, byte for byte', async () => {
    const dir = tempDir();
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    // Sizes up and down, so a stale or short view of the shared buffer would show.
    const sizes = [5_000, 90_000, 3_000, 150_000, 40_000];
    const bytes = sizes.map((size, i) => makeJpegHeader(400 + i, 300, size));
    bytes.forEach((b, i) => writeFileSync(join(photos, `P${i}.jpg`), b));
    writeFileSync(join(dir, 'people.csv'), ['工号,姓名', ...sizes.map((_, i) => `P${i},工人${i}`)].join('\n'));
    core = createCore({ dataDir: join(dir, 'data'), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 'T' } })).id;
    const plan = await planImport({ file: join(dir, 'people.csv'), photosDir: photos, faceCheck: false });
    expect(plan.rows.map((r) => r.photoPath !== null)).toEqual(sizes.map(() => true));
    expect(await core.people.importRows(siteId, [{ backendId, accessLevelIds: [] }], plan.rows)).toBe(sizes.length);
    const people = core.people.list(siteId);
    expect(people.map((p) => p.faceSha256)).toEqual(bytes.map((b) => createHash('sha256').update(b).digest('hex')));
    for (const person of people) {
      const stored = readFileSync(join(dir, 'data', 'faces', person.faceSha256?.slice(0, 2) ?? '', `${person.faceSha256 ?? ''}.img`));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(person.faceSha256);
    }
  });
});
