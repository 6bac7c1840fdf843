import { availableParallelism, freemem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Vendor } from '../../shared/contract/backends.ts';
import type { Box, CheckId } from '../../shared/rules/face-checks.ts';
import type { PhotoLimitCode } from '../../shared/rules/photo-limits.ts';

/** One photo file to check (and, if `cutPath` is given, to cut). */
export interface FaceFileJob {
  readonly id: number;
  readonly path: string;
  /** The profile is the strictest of these vendors' (photo-profiles.ts). */
  readonly vendors: readonly Vendor[];
  /** Where to write the square around the face, as the JPEG to keep; null: judge only. */
  readonly cutPath: string | null;
  /** Cut even when checks fail (the `--force-photo` semantics); otherwise only a passing photo is cut. */
  readonly force: boolean;
}

export interface FaceFileVerdict {
  /** False when the file could not be read (`reason` says why). */
  readonly readable: boolean;
  /** False when the bytes are no decodable JPEG or PNG. */
  readonly decoded: boolean;
  readonly faces: number;
  /** The failed checks, in CHECK_IDS order; empty when the photo passes. */
  readonly failed: readonly CheckId[];
  /** The square Doorman keeps, in the photo; null when the photo is kept whole. */
  readonly crop: Box | null;
  /** True when that square was written to the job's `cutPath`. */
  readonly cut: boolean;
  readonly reason: string | null;
  /** The photo limit the file is over (refused before it was read or decoded; `reason` says how far). */
  readonly overLimit: PhotoLimitCode | null;
}

export type FaceFileReply = { readonly id: number; readonly verdict: FaceFileVerdict } | { readonly id: number; readonly error: string };

interface Pending {
  readonly job: FaceFileJob;
  resolve(verdict: FaceFileVerdict): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  current: Pending | null;
}

/**
 * Two threads, or one on a single core or with less than 2 GB of memory free. The main thread only
 * reads the sheet and hands out files. Each thread holds its own face-api and tfjs WASM heap
 * (~170 MB); sharp decodes a photo straight to the 1024 px picture the check works on (picture.ts),
 * a few MB even for a 12-megapixel photo. Figures: test/bench/import-face-check.bench.ts.
 */
function defaultFaceCheckThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism(), Math.floor(freemem() / 1024 ** 3)));
}

/**
 * The young generation of each thread, in MB. The detector makes megabytes of short-lived garbage
 * (tensors' typed arrays); V8's default lets each thread's heap grow to ~170 MB before collecting,
 * 8 MB keeps it near 50 MB and was no slower.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * The worker's file: beside this one when Node runs the sources (type stripping), or the `.js`
 * that electron-vite builds beside the main bundle (electron.vite.config.ts). The name is joined
 * at run time so that the bundler leaves the URL alone.
 */
function workerUrl(): URL {
  const file = `./face-check-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`;
  return new URL(file, import.meta.url);
}

/**
 * The still-photo face check (still-photo-check.ts) on worker threads, so that a bulk import's
 * hundreds of photos use both cores and the core's own thread (the Electron main process, the
 * API server) stays free. Threads start on the first job; `close` ends them.
 */
export class FaceCheckPool {
  private readonly size: number;
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(size = defaultFaceCheckThreads()) {
    this.size = Math.max(1, size);
  }

  check(job: FaceFileJob): Promise<FaceFileVerdict> {
    if (this.closed) return Promise.reject(new Error('the face check pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Ends the threads; jobs not yet answered are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the face check pool closed'));
    const threads = this.threads.splice(0);
    for (const thread of threads) thread.current?.reject(new Error('the face check pool closed'));
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => t.current === null);
      if (!thread && this.threads.length < this.size) thread = this.start();
      if (!thread) return;
      const next = this.queue.shift();
      if (!next) return;
      thread.current = next;
      thread.worker.postMessage(next.job);
    }
  }

  private start(): Thread {
    const worker = new Worker(workerUrl(), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const thread: Thread = { worker, current: null };
    const fail = (error: Error) => {
      // A thread that dies (out of memory on a huge photo, a model that will not load) takes its
      // job with it; the next job starts a new thread.
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      this.threads.splice(index, 1);
      thread.current?.reject(error);
      thread.current = null;
      void worker.terminate();
      if (!this.closed) this.pump();
    };
    worker.on('message', (reply: FaceFileReply) => {
      const current = thread.current;
      if (!current || current.job.id !== reply.id) return;
      thread.current = null;
      if ('error' in reply) current.reject(new Error(`face check of ${current.job.path} failed: ${reply.error}`));
      else current.resolve(reply.verdict);
      this.pump();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the face check thread exited (code ${code})`)));
    this.threads.push(thread);
    return thread;
  }
}
