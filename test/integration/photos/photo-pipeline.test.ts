import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PhotoLimitError } from '../../../electron/photos/photo-limit-error.ts';
import { checkStillPhoto, judgeStillPhoto } from '../../../electron/photos/still-photo-check.ts';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { astronautPng } from '../../e2e/support/fake-camera.ts';
import { cropPng, declaredPng, makeJpegHeader } from '../../support/images.ts';

/**
 * The still-photo pipeline (decode, orientation, resize, the cut around the face, JPEG) on sharp:
 * a picture is judged by its header before it is decoded, and decoded upright.
 */
let portrait: Buffer;
beforeAll(() => {
  // The astronaut framed as an ID photo (as in still-photo-check.test.ts).
  portrait = cropPng(readFileSync(astronautPng()), 60, 0, 320, 320);
}, 120_000);

async function refusal(bytes: Uint8Array): Promise<unknown> {
  return judgeStillPhoto(bytes, ['zkbio']).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('the still-photo pipeline', () => {
  it('refuses a PNG and a JPEG declaring 60000×60000 pixels from the header, with the limit code and the size', async () => {
    for (const bytes of [declaredPng(60_000, 60_000), makeJpegHeader(60_000, 60_000, 51 * 1024)]) {
      const error = await refusal(bytes);
      expect(error).toBeInstanceOf(PhotoLimitError);
      expect(error).toMatchObject({ code: 'photo_too_many_pixels', width: 60_000, height: 60_000 });
    }
    // 50 megapixels is the limit, not more: 7072 × 7072 = 50,013,184 pixels is over it.
    expect(await refusal(declaredPng(7072, 7072))).toMatchObject({ code: 'photo_too_many_pixels' });
  });

  it('treats a picture within the limits whose body is missing as one that does not decode', async () => {
    // 6000 × 4000 declared, 16 rows given: truncated, as a damaged file is.
    const result = await judgeStillPhoto(declaredPng(6_000, 4_000), ['zkbio']);
    expect(result).toMatchObject({ ok: false, faces: 0, picture: null, failed: [{ check: 'one_face', key: 'face.guide.no_face' }] });
  });

  it('reads the EXIF orientation: a phone photo stored sideways is judged and cut upright', async () => {
    // The pixels turned a quarter to the left, with the tag (6) that tells viewers to turn them back.
    const sideways = await sharp(portrait).rotate(270).jpeg({ quality: 92 }).withMetadata({ orientation: 6 }).toBuffer();
    expect(imageInfo(sideways)).toMatchObject({ width: 320, height: 320 });
    const upright = await checkStillPhoto(await sharp(portrait).jpeg({ quality: 92 }).toBuffer(), ['zkbio']);
    const result = await checkStillPhoto(sideways, ['zkbio']);
    expect(result).toMatchObject({ ok: true, failed: [], faces: 1 });
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs((result.box?.[key] ?? 0) - (upright.box?.[key] ?? 0))).toBeLessThan(4);
    // What is kept is upright: it passes the checks again (a face on its side fails the pose).
    expect(await checkStillPhoto(result.photo, ['zkbio'])).toMatchObject({ ok: true, faces: 1 });
  });

  it('cuts the square around the face from a 4000×3000 photo within the detector-size picture it judged', async () => {
    // The whole astronaut, 2400 px (her face ~640 px), in a grey 4000 × 3000 photo.
    const source = await sharp(readFileSync(astronautPng())).resize(2400, 2400).toBuffer();
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 128, g: 128, b: 128 } } })
      .composite([{ input: source, left: 800, top: 300 }])
      .jpeg({ quality: 85 })
      .toBuffer();
    const result = await checkStillPhoto(photo, ['zkbio']);
    expect(result).toMatchObject({ ok: true, faces: 1 });
    const crop = result.crop;
    if (!crop) throw new Error('no crop');
    // The square in the photo's own pixels (2.2 × her face); what is kept is that square from the
    // 1024 × 768 picture the check works on.
    expect(crop.width).toBe(crop.height);
    expect(crop.width).toBeGreaterThan(1024);
    const kept = imageInfo(result.photo);
    expect(kept).toMatchObject({ format: 'jpeg' });
    expect(kept?.width).toBe(kept?.height);
    expect(kept?.width).toBeLessThanOrEqual(1024);
    expect(Math.abs((kept?.width ?? 0) - crop.width * (1024 / 4000))).toBeLessThan(2);
  });
});
