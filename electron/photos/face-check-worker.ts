// One face-check thread of FaceCheckPool (face-check-pool.ts): reads a photo file, runs the
// still-photo check (judgeStillPhoto) and, when asked, writes the square around the face as the
// JPEG to keep. One job at a time; face-api and its models load on the first.
import { readFile, writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { encodeCrop, judgeStillPhoto } from './still-photo-check.ts';
import type { FaceFileJob, FaceFileReply } from './face-check-pool.ts';

async function handle(job: FaceFileJob): Promise<FaceFileReply> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(job.path);
  } catch (error) {
    return { id: job.id, verdict: { readable: false, decoded: false, faces: 0, failed: ['one_face'], crop: null, cut: false, reason: error instanceof Error ? error.message : String(error) } };
  }
  const { image, ok, failed, faces, crop } = await judgeStillPhoto(bytes, job.vendors);
  let cut = false;
  if (image && crop && job.cutPath !== null && (ok || job.force)) {
    await writeFile(job.cutPath, encodeCrop(image, crop));
    cut = true;
  }
  return { id: job.id, verdict: { readable: true, decoded: image !== null, faces, failed: failed.map((f) => f.check), crop: crop ?? null, cut, reason: null } };
}

const port = parentPort;
if (!port) throw new Error('face-check-worker.ts runs as a worker thread (FaceCheckPool)');
port.on('message', (job: FaceFileJob) => {
  handle(job).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FaceFileReply),
  );
});
