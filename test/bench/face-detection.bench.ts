import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astronautY4m } from '../e2e/support/fake-camera.ts';
import { launchChromium } from '../support/chromium.ts';
import { runCliProcess } from '../support/cli.ts';
import { startWebProcess } from '../support/web-process.ts';
import type { BenchResult } from './stats.ts';

/**
 * Face detection in the enrollment page, in Debian's Chromium at 640×480: Chromium's fake camera
 * plays a real face (scikit-image's astronaut), the page runs the detector (face-api on wasm) and
 * reports frames/s; sampled for 10 s after the detector is warm. Goal ≥ 15 frames/s. Needs the
 * built renderer (npm run build) and Chromium.
 */
export default async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-bench-face-'));
  runCliProcess(['sites', 'add', 'Bench', '--data-dir', dataDir]);
  runCliProcess(['sites', 'select', '1', '--data-dir', dataDir]);
  const web = await startWebProcess(dataDir);
  const browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${await astronautY4m()}`]);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-enroll').click();
    const panel = page.getByTestId('face-panel');
    const deadline = Date.now() + 60_000;
    while (Number(await panel.getAttribute('data-fps')) <= 0) {
      if (Date.now() > deadline) throw new Error('the detector never ran');
      await page.waitForTimeout(250);
    }
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(500);
      samples.push(Number(await panel.getAttribute('data-fps')));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return {
      name: 'face.detection.chromium',
      frame: '640x480',
      detectorBackend: await panel.getAttribute('data-detector-backend'),
      framesPerSecondMedian: median,
      framesPerSecondMin: sorted[0] ?? 0,
      samples: samples.length,
      goal: { framesPerSecond: 15 },
      met: median >= 15,
    };
  } finally {
    await browser.close();
    await web.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
