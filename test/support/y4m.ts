/**
 * YUV4MPEG2 (y4m), the raw video format Chromium's `--use-file-for-fake-video-capture` plays: a
 * text header, then per frame `FRAME\n` and the picture as planar Y'CbCr 4:2:0. Written here in a
 * few lines, so making the fake webcam needs no ffmpeg.
 */

/** One RGB picture (3 bytes a pixel, even width and height) as I420: BT.601, limited range, chroma averaged over 2×2 (centred, "420jpeg"). */
export function rgbToI420(rgb: Uint8Array, width: number, height: number): Buffer {
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('I420 needs an even width and height');
  if (rgb.length !== width * height * 3) throw new Error(`expected ${width * height * 3} bytes of RGB, got ${rgb.length}`);
  const out = Buffer.alloc((width * height * 3) / 2);
  const cbPlane = width * height;
  const crPlane = cbPlane + (width * height) / 4;
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  for (let i = 0; i < width * height; i++) {
    const r = rgb[i * 3] ?? 0;
    const g = rgb[i * 3 + 1] ?? 0;
    const b = rgb[i * 3 + 2] ?? 0;
    out[i] = clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((y + dy) * width + x + dx) * 3;
        r += rgb[p] ?? 0;
        g += rgb[p + 1] ?? 0;
        b += rgb[p + 2] ?? 0;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const c = (y / 2) * (width / 2) + x / 2;
      out[cbPlane + c] = clamp(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      out[crPlane + c] = clamp(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return out;
}

/** A y4m of `frames` copies of one I420 picture at `fps` frames a second. */
export function y4mOfStill(i420: Buffer, width: number, height: number, fps: number, frames: number): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1');
  const frame = Buffer.from('FRAME\n', 'latin1');
  return Buffer.concat([header, ...Array.from({ length: frames }, () => [frame, i420]).flat()]);
}
