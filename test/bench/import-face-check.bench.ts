import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astronautJpeg, astronautPhoto } from '../support/astronaut.ts';
import type { BenchResult } from './stats.ts';

const WORKER = fileURLToPath(new URL('./support/import-face-check-worker.ts', import.meta.url));

/** A CSV of `count` rows and a photo each (hard links to `photo`), in `dir`. */
function fixture(dir: string, count: number, photo: Buffer): string {
  mkdirSync(join(dir, 'photos'), { recursive: true });
  writeFileSync(join(dir, 'source.jpg'), photo);
  const lines = ['工号,姓名'];
  for (let i = 0; i < count; i++) {
    lines.push(`F${i},工人${i}`);
    linkSync(join(dir, 'source.jpg'), join(dir, 'photos', `F${i}.jpg`));
  }
  writeFileSync(join(dir, 'people.csv'), lines.join('\n'));
  return dir;
}

/**
 * The face check of an import's dry run, planned as the Import page plans (every photo through the
 * still-photo check, the square around each face cut into a folder), then the rows saved with their
 * cuts; a fresh process per run, its photos per second (threads' start and the detector's load
 * included) and peak RSS are the figures:
 * - 200 photos of a real face (the 512×512 astronaut, a JPEG of 85 KB: an ID photo's size), with
 *   FaceCheckPool's default 2 threads on two cores, and with 1 to compare;
 * - 60 phone photos (3024×4032, 12 megapixels, the face 640 px wide), 2 threads.
 * Goals (issue 11, on 2 cores): ID photos ≥ 42/s and phone photos ≥ 15/s with 2 threads (2× and
 * 10× the pure-JS pipeline's 21 and 1.5), peak RSS < 600 MB. The pipeline alone, in one thread, is
 * photo-pipeline.bench.ts; the store import of 10,000 rows without face checks is import-store.bench.ts.
 */
const GOALS: Readonly<Record<string, number>> = { 'import.faceCheck.idPhotos.threads2': 42, 'import.faceCheck.phonePhotos.threads2': 15 };
const PEAK_RSS_GOAL_MB = 600;

export default function run(): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-face-import-'));
  try {
    const idPhotos = fixture(join(dir, 'id'), 200, astronautJpeg());
    const phonePhotos = fixture(join(dir, 'phone'), 60, astronautPhoto(2400, 3024, 4032));
    const runs = [
      { name: 'import.faceCheck.idPhotos.threads2', dir: idPhotos, photos: 200, photo: '512x512 JPEG, 85 KB', threads: 2 },
      { name: 'import.faceCheck.idPhotos.threads1', dir: idPhotos, photos: 200, photo: '512x512 JPEG, 85 KB', threads: 1 },
      { name: 'import.faceCheck.phonePhotos.threads2', dir: phonePhotos, photos: 60, photo: '3024x4032 JPEG (12 MP)', threads: 2 },
    ];
    return runs.map(({ dir: runDir, ...spec }) => {
      const child = spawnSync(process.execPath, [WORKER, runDir, String(spec.threads)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${spec.name}: worker failed: ${child.stderr}`);
      const out = JSON.parse(child.stdout.trim()) as { planned: number; problems: number; planMs: number; planCpuMs: number; importMs: number; peakPlanMb: number; peakRssMb: number };
      if (out.planned !== spec.photos || out.problems > 0) throw new Error(`${spec.name}: planned ${out.planned} of ${spec.photos} with ${out.problems} problems`);
      const photosPerSecond = Math.round((spec.photos / out.planMs) * 10_000) / 10;
      const goal = GOALS[spec.name];
      const goals = { ...(goal !== undefined ? { photosPerSecond: goal } : {}), peakRssMb: PEAK_RSS_GOAL_MB };
      return { ...spec, ...out, photosPerSecond, msPerPhoto: Math.round(out.planMs / spec.photos), cpuMsPerPhoto: Math.round(out.planCpuMs / spec.photos), goals, met: (goal === undefined || photosPerSecond >= goal) && out.peakRssMb < PEAK_RSS_GOAL_MB };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
