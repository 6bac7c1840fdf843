import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = fileURLToPath(new URL('../../../test-results/fake-camera/', import.meta.url));

/**
 * scikit-image's astronaut.png (NASA photo, public domain), taken from Debian's python3-skimage
 * package without installing it: `apt-get download` + `dpkg -x`, cached under test-results/.
 */
export function astronautPng(): string {
  const png = join(cache, 'astronaut.png');
  if (existsSync(png)) return png;
  const work = join(cache, 'deb');
  mkdirSync(work, { recursive: true });
  const download = () => execFileSync('apt-get', ['download', 'python3-skimage'], { cwd: work, stdio: 'pipe' });
  try {
    download();
  } catch {
    // A fresh machine may not have the package lists yet.
    execFileSync('apt-get', ['update'], { stdio: 'pipe' });
    download();
  }
  const deb = readdirSync(work).find((f) => f.startsWith('python3-skimage_') && f.endsWith('.deb'));
  if (!deb) throw new Error('apt-get download python3-skimage produced no .deb');
  const tree = join(work, 'x');
  execFileSync('dpkg', ['-x', join(work, deb), tree], { stdio: 'pipe' });
  const found = execFileSync('find', [tree, '-name', 'astronaut.png'], { encoding: 'utf8' }).trim().split('\n')[0];
  if (!found) throw new Error('astronaut.png is not in python3-skimage');
  renameSync(found, png);
  return png;
}

/**
 * A 3-second 640×480 y4m of the astronaut for Chromium's --use-file-for-fake-video-capture. The
 * 4:3 crop around her face (before scaling) keeps the picture undistorted and the face centred,
 * as a person standing at an enrollment station would be.
 */
export function astronautY4m(): string {
  const y4m = join(cache, 'astronaut-640x480.y4m');
  if (existsSync(y4m)) return y4m;
  const png = astronautPng();
  const partial = `${y4m}.part`;
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-loop', '1', '-i', png, '-t', '3', '-vf', 'crop=320:240:65:5,scale=640:480,fps=15', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', partial], { stdio: 'pipe' });
  renameSync(partial, y4m);
  return y4m;
}
