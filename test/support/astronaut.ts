import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { resampleBox } from '../../shared/rules/face-checks.ts';
import { astronautPng } from '../e2e/support/fake-camera.ts';

/**
 * Photos made from the astronaut (scikit-image, from Debian's python3-skimage; see fake-camera.ts),
 * a real frontal face, for the face checks of bulk imports.
 */

/** The whole 512×512 astronaut as a JPEG (quality 90), as a camera would write it. */
export function astronautJpeg(): Buffer {
  const png = PNG.sync.read(readFileSync(astronautPng()));
  return Buffer.from(jpeg.encode({ data: png.data, width: png.width, height: png.height }, 90).data);
}

/** `count` astronauts, each scaled to `side`×`side`, side by side on a grey `width`×`height` RGBA picture. */
function astronautsRgba(count: number, side: number, width: number, height: number): Buffer {
  const source = PNG.sync.read(readFileSync(astronautPng()));
  const small = resampleBox(source.data, source.width, source.height, { x: 0, y: 0, width: source.width, height: source.height }, side);
  const out = Buffer.alloc(width * height * 4, 128);
  const gap = Math.round((width - count * side) / (count + 1));
  const top = Math.round((height - side) / 2);
  for (let k = 0; k < count; k++) {
    const left = gap + k * (side + gap);
    for (let y = 0; y < side; y++) out.set(small.subarray(y * side * 4, (y + 1) * side * 4), ((top + y) * width + left) * 4);
  }
  return out;
}

/** `count` astronauts, each scaled to `side`×`side`, side by side on a grey `width`×`height` PNG. */
export function astronauts(count: number, side: number, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = astronautsRgba(count, side, width, height);
  return PNG.sync.write(png);
}

/** One astronaut scaled to `side`×`side` in the middle of a grey `width`×`height` JPEG (quality 85, as a phone writes). */
export function astronautPhoto(side: number, width: number, height: number): Buffer {
  return Buffer.from(jpeg.encode({ data: astronautsRgba(1, side, width, height), width, height }, 85).data);
}
