import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceFileJob, FaceFileReply } from '../../../electron/photos/face-check-pool.ts';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { declaredPng } from '../../support/images.ts';

/**
 * The face-check thread as electron-vite builds it (out/main/face-check-worker.js, beside the main
 * process's index.js; needs `npm run build`): sharp stays external, so the bundle loads libvips
 * from node_modules, decodes a photo, cuts the square around the face and refuses a picture over
 * the pixel limit — what the app's Import page runs in its main process.
 */
const built = fileURLToPath(new URL('../../../out/main/face-check-worker.js', import.meta.url));
let dir: string;
let worker: Worker;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorman-built-worker-'));
  worker = new Worker(built);
});

afterAll(async () => {
  await worker.terminate();
  rmSync(dir, { recursive: true, force: true });
});

function check(job: FaceFileJob): Promise<FaceFileReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FaceFileReply) => {
      if (reply.id !== job.id) return;
      worker.off('message', onMessage);
      resolve(reply);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

describe('the built face-check thread', () => {
  it('loads sharp from node_modules, checks and cuts a real face, and refuses a picture declaring 60000×60000', async () => {
    expect(existsSync(built)).toBe(true);
    // sharp stays external: the worker, or a chunk it imports, loads it from node_modules.
    const source = readFileSync(built, 'utf8');
    const chunks = [...source.matchAll(/from "\.\/(chunks\/[^"]+\.js)"/g)].map((m) => readFileSync(join(dirname(built), m[1] ?? ''), 'utf8'));
    expect([source, ...chunks].some((text) => /^import sharp from "sharp";$/m.test(text))).toBe(true);
    const photo = join(dir, 'ann.jpg');
    const cut = join(dir, 'cut.jpg');
    writeFileSync(photo, astronautJpeg());
    expect(await check({ id: 1, path: photo, vendors: ['zkbio'], cutPath: cut, force: false })).toMatchObject({ id: 1, verdict: { readable: true, decoded: true, faces: 1, failed: [], cut: true, overLimit: null } });
    expect(imageInfo(readFileSync(cut))).toMatchObject({ format: 'jpeg', width: 303, height: 303 });

    const declared = join(dir, 'declared.png');
    writeFileSync(declared, declaredPng(60_000, 60_000));
    expect(await check({ id: 2, path: declared, vendors: ['zkbio'], cutPath: null, force: false })).toMatchObject({ id: 2, verdict: { readable: true, decoded: false, cut: false, overLimit: 'photo_too_many_pixels' } });
  });
});
