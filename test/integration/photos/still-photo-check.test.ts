import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePicture } from '../../../electron/photos/picture.ts';
import { checkStillPhoto, measureImage } from '../../../electron/photos/still-photo-check.ts';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { resampleBox } from '../../../shared/rules/face-checks.ts';
import { astronautPng } from '../../e2e/support/fake-camera.ts';
import { cropPng, makePng } from '../../support/images.ts';

/**
 * The astronaut (scikit-image, from Debian's python3-skimage) cut to a 320×320 square around her
 * face, as an ID photo is framed: the whole 512×512 picture has the face high in the frame.
 */
export function astronautPortrait(): Buffer {
  return cropPng(readFileSync(astronautPng()), 60, 0, 320, 320);
}

/** The whole astronaut scaled to `side`×`side` in the middle of a grey `canvas`×`canvas` PNG. */
function astronautSmall(png: Buffer, side: number, canvas: number): Buffer {
  const source = PNG.sync.read(png);
  const small = resampleBox(source.data, source.width, source.height, { x: 0, y: 0, width: source.width, height: source.height }, side);
  const out = new PNG({ width: canvas, height: canvas });
  out.data.fill(128);
  const at = Math.round((canvas - side) / 2);
  for (let y = 0; y < side; y++) out.data.set(small.subarray(y * side * 4, (y + 1) * side * 4), ((at + y) * canvas + at) * 4);
  return PNG.sync.write(out);
}

let astronaut: Buffer;

beforeAll(() => {
  astronaut = readFileSync(astronautPng());
}, 120_000);

describe('still photo check (face-api on Node WASM)', () => {
  it('passes a framed real face for ZKBio and Hongtu, and reports the face box', async () => {
    const started = performance.now();
    const result = await checkStillPhoto(astronautPortrait(), ['zkbio', 'hongtu']);
    expect(result).toMatchObject({ ok: true, failed: [], faces: 1 });
    expect(result.box?.width).toBeGreaterThan(100);
    // Warm (models loaded): one still photo.
    const warm = performance.now();
    await checkStillPhoto(astronautPortrait(), ['zkbio']);
    console.info(`still photo check: first ${Math.round(warm - started)} ms, warm ${Math.round(performance.now() - warm)} ms`);
  });

  it('reads the frontal astronaut as level: pitch, yaw and roll near 0°', async () => {
    for (const picture of [astronaut, astronautPortrait()]) {
      const image = await decodePicture(picture);
      if (!image) throw new Error('the astronaut does not decode');
      const m = await measureImage(image);
      expect(Math.abs(m.pitchDeg ?? 90)).toBeLessThan(5);
      expect(Math.abs(m.yawDeg ?? 90)).toBeLessThan(5);
      expect(Math.abs(m.rollDeg ?? 90)).toBeLessThan(5);
    }
  });

  it('passes the whole 512×512 picture (face high in it) once cut around the face, and keeps the cut', async () => {
    const result = await checkStillPhoto(astronaut, ['zkbio', 'hongtu']);
    expect(result).toMatchObject({ ok: true, failed: [], faces: 1 });
    // The square around her face: 2.2 × the face, moved down to the top edge, ≥ 80,000 pixels.
    const crop = result.crop;
    if (!crop) throw new Error('no crop');
    expect(crop.y).toBe(0);
    expect(crop.width).toBe(crop.height);
    expect(crop.width * crop.height).toBeGreaterThanOrEqual(80_000);
    expect(crop.width).toBeLessThan(512);
    // What is kept is that square as a JPEG, and the backends' photo passes the checks itself.
    expect(imageInfo(result.photo)).toMatchObject({ format: 'jpeg', width: crop.width, height: crop.height });
    expect(await checkStillPhoto(result.photo, ['zkbio', 'hongtu'])).toMatchObject({ ok: true, failed: [], faces: 1 });
  });

  it('fails a face too small for an 80,000-pixel photo on size alone, in the cut it would send', async () => {
    // The whole astronaut at 224 px in a 400 × 400 grey picture: her face is about 56 px wide, so
    // even the smallest square ZKBio takes (283 px) holds it at about 20 %, under ZKBio's 25 %.
    const result = await checkStillPhoto(astronautSmall(astronaut, 224, 400), ['zkbio']);
    expect(result.faces).toBe(1);
    expect(result.failed).toEqual([{ check: 'face_size', key: 'face.guide.closer' }]);
    expect(result.crop?.width).toBe(283);
  });

  it('fails a dark picture on brightness, after the cut as before it', async () => {
    const source = PNG.sync.read(astronaut);
    for (let i = 0; i < source.data.length; i += 4) for (let c = 0; c < 3; c++) source.data[i + c] = Math.round((source.data[i + c] ?? 0) * 0.3);
    const result = await checkStillPhoto(PNG.sync.write(source), ['zkbio']);
    expect(result.faces).toBe(1);
    expect(result.failed.map((f) => f.check)).toContain('brightness');
    expect(result.failed.map((f) => f.check)).not.toContain('centred');
  });

  it("fails a picture with no face with 'no face'", async () => {
    const result = await checkStillPhoto(makePng(400, 300), ['hongtu']);
    expect(result.ok).toBe(false);
    expect(result.faces).toBe(0);
    expect(result.failed[0]).toEqual({ check: 'one_face', key: 'face.guide.no_face' });
    // Nothing to cut around: the picture is kept as it came.
    expect(result.crop).toBeUndefined();
  });

  it('fails bytes that are no image', async () => {
    expect((await checkStillPhoto(Buffer.from('not a photo'), [])).failed).toEqual([{ check: 'one_face', key: 'face.guide.no_face' }]);
  });
});
