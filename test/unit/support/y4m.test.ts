import { describe, expect, it } from 'vitest';
import { rgbToI420, y4mOfStill } from '../../support/y4m.ts';

/** A width×height picture of one colour. */
const solid = (width: number, height: number, [r, g, b]: readonly [number, number, number]) => Uint8Array.from({ length: width * height * 3 }, (_, i) => [r, g, b][i % 3] ?? 0);

describe('the fake webcam’s y4m, written without ffmpeg', () => {
  it('converts RGB to BT.601 limited-range Y′CbCr, as ffmpeg’s yuv420p does', () => {
    const planes = (rgb: readonly [number, number, number]) => {
      const i420 = rgbToI420(solid(2, 2, rgb), 2, 2);
      return [i420[0], i420[4], i420[5]];
    };
    expect(planes([255, 255, 255])).toEqual([235, 128, 128]);
    expect(planes([0, 0, 0])).toEqual([16, 128, 128]);
    expect(planes([255, 0, 0])).toEqual([81, 90, 240]);
    expect(planes([0, 0, 255])).toEqual([41, 240, 110]);
  });

  it('averages chroma over each 2×2 block and keeps every luma sample', () => {
    const rgb = new Uint8Array(4 * 2 * 3);
    rgb.fill(255, 0, 2 * 3); // the first two pixels white, the rest black
    const i420 = rgbToI420(rgb, 4, 2);
    expect([...i420.subarray(0, 8)]).toEqual([235, 235, 16, 16, 16, 16, 16, 16]);
    expect(i420).toHaveLength(4 * 2 + 2 + 2);
  });

  it('frames a still as YUV4MPEG2: the header Chromium reads, then FRAME and the planes, again and again', () => {
    const picture = rgbToI420(solid(4, 2, [10, 20, 30]), 4, 2);
    const video = y4mOfStill(picture, 4, 2, 15, 3);
    const header = 'YUV4MPEG2 W4 H2 F15:1 Ip A1:1 C420jpeg\n';
    expect(video.subarray(0, header.length).toString('latin1')).toBe(header);
    expect(video).toHaveLength(header.length + 3 * (6 + picture.length));
    expect(video.subarray(header.length, header.length + 6).toString('latin1')).toBe('FRAME\n');
  });

  it('refuses odd sizes and short pictures', () => {
    expect(() => rgbToI420(new Uint8Array(9), 3, 1)).toThrow(/even/);
    expect(() => rgbToI420(new Uint8Array(3), 2, 2)).toThrow(/bytes/);
  });
});
