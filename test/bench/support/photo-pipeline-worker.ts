// The measured half of photo-pipeline.bench.ts: one case in a fresh process, so its peak RSS is the
// case's alone. Reads the photo (made by the parent) and prints JSON timings per photo.
//   still <photo> <count>   the still-photo check and the cut (checkStillPhoto), one thread
//   decode <photo> <count> sharp|jpeg-js   decoding and reducing to 1024 px only, to compare
//   refuse <photo> <count>  a photo over the limits, refused from its header
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PhotoLimitError } from '../../../electron/photos/photo-limit-error.ts';
import { decodePicture } from '../../../electron/photos/picture.ts';
import { checkStillPhoto } from '../../../electron/photos/still-photo-check.ts';
import { summarize } from '../stats.ts';

const [mode = '', path = '', countText = '1', decoder = 'sharp'] = process.argv.slice(2);
const bytes = readFileSync(path);
const count = Number(countText);

/** jpeg-js as the pipeline used it before sharp: the whole picture as RGBA, then area-averaged to 1024 px. */
function jpegJsDecode(data: Uint8Array): number {
  const image = jpeg.decode(data, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  const scale = Math.max(1, Math.max(image.width, image.height) / 1024);
  const width = Math.round(image.width / scale);
  const height = Math.round(image.height / scale);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      let r = 0;
      for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) r += image.data[(sy * image.width + sx) * 4] ?? 0;
      rgb[(y * width + x) * 3] = r / ((y1 - y0) * (x1 - x0));
    }
  }
  return rgb.length;
}

async function one(): Promise<void> {
  if (mode === 'still') {
    const check = await checkStillPhoto(bytes, ['zkbio']);
    if (!check.ok) throw new Error(`the photo fails: ${check.failed.map((f) => f.check).join(', ')}`);
  } else if (mode === 'decode') {
    if (decoder === 'jpeg-js') jpegJsDecode(bytes);
    else if (!(await decodePicture(bytes))) throw new Error('does not decode');
  } else if (mode === 'refuse') {
    const refused = await checkStillPhoto(bytes, ['zkbio']).then(
      () => false,
      (error: unknown) => error instanceof PhotoLimitError,
    );
    if (!refused) throw new Error('not refused');
  } else throw new Error(`unknown mode ${mode}`);
}

// The first photo loads the detector (face-api, WASM, the models): timed apart.
const firstStart = performance.now();
await one();
const firstMs = performance.now() - firstStart;
const samples: number[] = [];
const cpuStart = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < count; i++) {
  const t = performance.now();
  await one();
  samples.push(performance.now() - t);
}
const totalMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({
    firstMs: Math.round(firstMs),
    photosPerSecond: Math.round((count / totalMs) * 10_000) / 10,
    ...summarize(samples),
    cpuMsPerPhoto: Math.round(((cpu.user + cpu.system) / 1000 / count) * 10) / 10,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
