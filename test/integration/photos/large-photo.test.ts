import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePicture } from '../../../electron/photos/picture.ts';
import { judgeStillPhoto, measureImage } from '../../../electron/photos/still-photo-check.ts';
import { astronautPng } from '../../e2e/support/fake-camera.ts';
import { astronauts } from '../../support/astronaut.ts';

/**
 * A picture larger than 1024 px is scaled down for the detector (a 12-megapixel phone photo as a
 * tensor took over a gigabyte): the face box still comes in the picture's own pixels, and the
 * verdict is the one the same face gets at 512 px.
 */
describe('still photo check of a large picture', () => {
  it('finds the face of a 2048×2048 astronaut where the 512×512 one has it, four times over', async () => {
    const small = await decodePicture(readFileSync(astronautPng()));
    const large = await decodePicture(astronauts(1, 2048, 2048, 2048));
    if (!small || !large) throw new Error('the astronaut does not decode');
    const [a, b] = [await measureImage(small), await measureImage(large)];
    expect(b).toMatchObject({ faces: 1, frameWidth: 2048, frameHeight: 2048 });
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs((b.box?.[key] ?? 0) - 4 * (a.box?.[key] ?? 0))).toBeLessThan(0.03 * 4 * (a.box?.width ?? 0));
    expect(Math.abs(b.yawDeg ?? 90)).toBeLessThan(5);
    expect(Math.abs(b.pitchDeg ?? 90)).toBeLessThan(5);
    expect(Math.abs(b.rollDeg ?? 90)).toBeLessThan(5);
    const verdict = await judgeStillPhoto(astronauts(1, 2048, 2048, 2048), ['zkbio']);
    expect(verdict).toMatchObject({ ok: true, failed: [], faces: 1 });
  });
});
