import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astronautJpeg, astronautPhoto } from '../support/astronaut.ts';
import { blackBitmapPng, declaredPng } from '../support/images.ts';
import type { BenchResult } from './stats.ts';

const WORKER = fileURLToPath(new URL('./support/photo-pipeline-worker.ts', import.meta.url));

/**
 * The still-photo pipeline in one thread, each case in a fresh process (its peak RSS is the
 * case's own; the detector's first load is `firstMs`, apart):
 * - photo.still.*: the face check and the cut (checkStillPhoto: sharp decode to the 1024 px picture,
 *   face-api on 320 px, landmarks, brightness and sharpness, the square as JPEG) of an ID-size photo
 *   (the 512×512 astronaut, 85 KB) and a 12 MP phone photo (3024×4032, the face 640 px wide);
 * - photo.decode.*: decoding and reducing to 1024 px only, sharp against jpeg-js (the decoder before);
 * - photo.refuse.*: pictures over the pixel limit, refused from their header (a 141-byte PNG
 *   declaring 60000×60000, a complete 48 KB 1-bit PNG of 20000×20000).
 * The import's dry run with its two threads is import-face-check.bench.ts.
 */
export default function run(): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-photo-'));
  try {
    const file = (name: string, bytes: Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const id = file('id.jpg', astronautJpeg());
    const phone = file('phone.jpg', astronautPhoto(2400, 3024, 4032));
    const declared = file('declared.png', declaredPng(60_000, 60_000));
    const bitmap = file('bitmap.png', blackBitmapPng(20_000, 20_000));
    const cases = [
      { name: 'photo.still.idPhoto', photo: '512x512 JPEG, 85 KB', args: ['still', id, '100'] },
      { name: 'photo.still.phonePhoto', photo: '3024x4032 JPEG (12 MP)', args: ['still', phone, '20'] },
      { name: 'photo.decode.idPhoto.sharp', photo: '512x512 JPEG, 85 KB', args: ['decode', id, '100', 'sharp'] },
      { name: 'photo.decode.idPhoto.jpegJs', photo: '512x512 JPEG, 85 KB', args: ['decode', id, '100', 'jpeg-js'] },
      { name: 'photo.decode.phonePhoto.sharp', photo: '3024x4032 JPEG (12 MP)', args: ['decode', phone, '20', 'sharp'] },
      { name: 'photo.decode.phonePhoto.jpegJs', photo: '3024x4032 JPEG (12 MP)', args: ['decode', phone, '5', 'jpeg-js'] },
      { name: 'photo.refuse.declared60000', photo: 'PNG declaring 60000x60000, 141 bytes', args: ['refuse', declared, '100'] },
      { name: 'photo.refuse.bitmap20000', photo: '1-bit PNG 20000x20000, 48 KB', args: ['refuse', bitmap, '100'] },
    ];
    return cases.map(({ args, ...spec }) => {
      const child = spawnSync(process.execPath, [WORKER, ...args], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${spec.name}: worker failed: ${child.stderr}`);
      return { ...spec, photos: Number(args[2]), ...(JSON.parse(child.stdout.trim()) as Record<string, unknown>) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
