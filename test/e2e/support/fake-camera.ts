import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { rgbToI420, y4mOfStill } from '../../support/y4m.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cache = join(root, 'test-results', 'fake-camera');

/**
 * scikit-image's astronaut.png (NASA photo, public domain): a real frontal face. `bash scripts/dev.sh
 * test` (and `bench`) puts it here, from Debian's python3-skimage package without installing it,
 * checked by its SHA-256 (see face_fixture in scripts/dev.sh). The tests only read it.
 */
export const ASTRONAUT_PNG = join(root, '.tools', 'fixtures', 'astronaut.png');

export function astronautPng(): string {
  if (!existsSync(ASTRONAUT_PNG)) {
    throw new Error(`The face fixture ${ASTRONAUT_PNG} is missing. Run \`bash scripts/dev.sh test\` once: it fetches scikit-image's astronaut.png from Debian's python3-skimage.`);
  }
  return ASTRONAUT_PNG;
}

/**
 * A 3-second 640×480 y4m of the astronaut for Chromium's --use-file-for-fake-video-capture, made
 * with sharp (no ffmpeg), cached under test-results/. The 4:3 crop around her face (before
 * scaling) keeps the picture undistorted and the face centred, as a person standing at an
 * enrollment station would be.
 */
export async function astronautY4m(): Promise<string> {
  const y4m = join(cache, 'astronaut-640x480.y4m');
  if (existsSync(y4m)) return y4m;
  const { data, info } = await sharp(astronautPng())
    .extract({ left: 65, top: 5, width: 320, height: 240 })
    .resize(640, 480)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const video = y4mOfStill(rgbToI420(data, info.width, info.height), info.width, info.height, 15, 45);
  mkdirSync(cache, { recursive: true });
  const partial = `${y4m}.part`;
  writeFileSync(partial, video);
  renameSync(partial, y4m);
  return y4m;
}
