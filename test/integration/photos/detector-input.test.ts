import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DETECTOR_INPUT_SIZE, detectorInput } from '../../../electron/photos/face-detector.ts';
import type { Picture } from '../../../electron/photos/picture.ts';

/**
 * The detector's input is made in one pass over the picture's bytes, as face-api makes it with
 * tensors (NetInput.toBatchTensor: padToSquare with black on the right or at the bottom, then
 * tf.image.resizeBilinear to 320 × 320, corners not aligned): the same values, so the same faces.
 */
function picture(width: number, height: number): Picture {
  const rgb = new Uint8Array(width * height * 3);
  let seed = width * 7919 + height;
  for (let i = 0; i < rgb.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    rgb[i] = seed % 256;
  }
  return { rgb, width, height, originalWidth: width, originalHeight: height };
}

function asFaceApiDoes(p: Picture): Float32Array {
  return tf.tidy(() => {
    const side = Math.max(p.width, p.height);
    const image = tf.tensor3d(p.rgb, [p.height, p.width, 3], 'int32').toFloat();
    const square = tf.pad(image, [[0, side - p.height], [0, side - p.width], [0, 0]]);
    return tf.image.resizeBilinear(square, [DETECTOR_INPUT_SIZE, DETECTOR_INPUT_SIZE], false, false).dataSync() as Float32Array;
  });
}

describe('the detector input', () => {
  it('is what face-api makes of the picture, for wide, tall, small and large pictures', () => {
    for (const [width, height] of [[512, 512], [358, 441], [1024, 768], [768, 1024], [200, 90]] as const) {
      const ours = detectorInput(picture(width, height));
      const theirs = asFaceApiDoes(picture(width, height));
      expect(ours.length).toBe(theirs.length);
      let worst = 0;
      for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs((ours[i] ?? 0) - (theirs[i] ?? 0)));
      expect(worst, `${width}×${height}`).toBeLessThan(1e-3);
    }
  });
});
