import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkStillPhoto, decodeImage, measureImage } from '../../../electron/photos/still-photo-check.ts';
import { astronautPng } from '../../e2e/enroll/fake-camera.ts';
import { cropPng, makePng } from '../../support/images.ts';

/**
 * The astronaut (scikit-image, from Debian's python3-skimage) cut to a 320×320 square around her
 * face, as an ID photo is framed: the whole 512×512 picture has the face high in the frame.
 */
export function astronautPortrait(): Buffer {
  return cropPng(readFileSync(astronautPng()), 60, 0, 320, 320);
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
      const image = decodeImage(picture);
      if (!image) throw new Error('the astronaut does not decode');
      const m = await measureImage(image);
      expect(Math.abs(m.pitchDeg ?? 90)).toBeLessThan(5);
      expect(Math.abs(m.yawDeg ?? 90)).toBeLessThan(5);
      expect(Math.abs(m.rollDeg ?? 90)).toBeLessThan(5);
    }
  });

  it('fails the whole picture only on centring (the face sits high in the frame)', async () => {
    const result = await checkStillPhoto(astronaut, ['zkbio']);
    expect(result.faces).toBe(1);
    expect(result.failed).toEqual([{ check: 'centred', key: 'face.guide.centre' }]);
  });

  it("fails a picture with no face with 'no face'", async () => {
    const result = await checkStillPhoto(makePng(400, 300), ['hongtu']);
    expect(result.ok).toBe(false);
    expect(result.faces).toBe(0);
    expect(result.failed[0]).toEqual({ check: 'one_face', key: 'face.guide.no_face' });
  });

  it('fails bytes that are no image', async () => {
    expect((await checkStillPhoto(Buffer.from('not a photo'), [])).failed).toEqual([{ check: 'one_face', key: 'face.guide.no_face' }]);
  });
});
