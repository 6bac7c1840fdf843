// One face-check thread of FaceCheckPool (face-check-pool.ts): reads a photo file, runs the
// still-photo check (judgeStillPhoto) and, when asked, writes the square around the face as the
// JPEG to keep. One job at a time; face-api and its models load on the first.
import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { PhotoReader } from './photo-reader.ts';
import { PhotoLimitError } from './photo-limit-error.ts';
import { encodeSquare } from './picture.ts';
import { judgeStillPhoto } from './still-photo-check.ts';
import type { FaceFileJob, FaceFileReply, FaceFileVerdict } from './face-check-pool.ts';

const refused = (reason: string, readable: boolean, overLimit: FaceFileVerdict['overLimit'] = null): FaceFileVerdict => ({ readable, decoded: false, faces: 0, failed: ['one_face'], crop: null, cut: false, reason, overLimit });

// One buffer for every photo of this thread: the job is done with the bytes before the next read.
const reader = new PhotoReader();

async function handle(job: FaceFileJob): Promise<FaceFileReply> {
  let bytes: Uint8Array;
  try {
    ({ bytes } = await reader.read(job.path));
  } catch (error) {
    if (error instanceof PhotoLimitError) return { id: job.id, verdict: refused(error.message, true, error.code) };
    return { id: job.id, verdict: refused(error instanceof Error ? error.message : String(error), false) };
  }
  let judgement;
  try {
    judgement = await judgeStillPhoto(bytes, job.vendors);
  } catch (error) {
    if (error instanceof PhotoLimitError) return { id: job.id, verdict: refused(error.message, true, error.code) };
    throw error;
  }
  const { picture, square, ok, failed, faces, crop } = judgement;
  let cut = false;
  if (picture && square && job.cutPath !== null && (ok || job.force)) {
    await writeFile(job.cutPath, await encodeSquare(picture, square));
    cut = true;
  }
  return { id: job.id, verdict: { readable: true, decoded: picture !== null, faces, failed: failed.map((f) => f.check), crop: crop ?? null, cut, reason: null, overLimit: null } };
}

const port = parentPort;
if (!port) throw new Error('face-check-worker.ts runs as a worker thread (FaceCheckPool)');
port.on('message', (job: FaceFileJob) => {
  handle(job).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FaceFileReply),
  );
});
