import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { MAX_PHOTO_BYTES } from '../../../shared/rules/photo-limits.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { declaredPng, makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * The photo limits through the API: the Import page's dry run (imports.plan) reports a picture over
 * the pixel limit as a row problem, as the CLI's does (photo-limits-cli.test.ts), and the upload
 * refuses a photo over the byte limit; people.enroll refuses such faces with the photo limits' codes.
 */
const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** Up to 3 MB of base64 per call, as the Import page uploads. */
const CHUNK = 3 * 1024 * 1024 * 0.75;

describe('photo limits through the API', () => {
  it('imports.plan reports a picture declaring 60000×60000 as a row problem; a photo over the byte limit is refused as it is uploaded', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const sheet = ['工号,姓名', 'F1,Ann', 'F2,Bob'].join('\n');
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from(sheet).toString('base64') });
    await call(core, 'imports.addPhoto', { importId, fileName: 'F1.jpg', base64: astronautJpeg().toString('base64') });
    await call(core, 'imports.addPhoto', { importId, fileName: 'F2.png', base64: declaredPng(60_000, 60_000).toString('base64') });
    // The upload keeps the same byte limit (IMPORT_LIMITS.photoBytes is MAX_PHOTO_BYTES): the piece
    // that passes it is refused, so such a file never reaches the dry run from the Import page.
    const large = Buffer.concat([makeJpegHeader(4_000, 3_000, 2_000), Buffer.alloc(MAX_PHOTO_BYTES)]);
    let refusal: unknown = null;
    for (let at = 0; at < large.length && refusal === null; at += CHUNK) {
      const reply = await core.dispatch('imports.addPhoto', { importId, fileName: 'X9.jpg', base64: large.subarray(at, at + CHUNK).toString('base64'), append: at > 0 });
      if (!reply.ok) refusal = reply;
    }
    expect(refusal).toMatchObject({ ok: false, error: { code: 'import_photo_too_large' } });

    for (const faceCheck of [true, false]) {
      const plan = await call(core, 'imports.plan', { importId, faceCheck });
      expect(plan).toMatchObject({ planned: 1, rejected: 1 });
      expect(plan.problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([[3, null, 'photo_too_many_pixels', 'error']]);
    }
    const rejected = Buffer.from((await call(core, 'imports.rejectedCsv', { importId, lang: 'zh-CN' })).base64, 'base64').toString('utf8');
    expect(rejected).toContain('超过 5000 万像素');
  });

  it('people.enroll refuses a face declaring more pixels than the limit, and one over the byte limit', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const person = { pin: 'A1', name: 'Li' };
    const declared = await core.dispatch('people.enroll', { siteId, person, face: { jpegBase64: makeJpegHeader(60_000, 60_000, 51 * 1024).toString('base64') } });
    expect(declared).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: ['face'], message: 'photo_too_many_pixels' }] } } });
    const large = Buffer.concat([makeJpegHeader(4_000, 3_000, 2_000), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const tooLarge = await core.dispatch('people.enroll', { siteId, person, face: { jpegBase64: large.toString('base64') } });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: ['face', 'jpegBase64'], message: 'photo_file_too_large' }] } } });
    expect((await call(core, 'people.list', { siteId })).people).toEqual([]);
  });
});
