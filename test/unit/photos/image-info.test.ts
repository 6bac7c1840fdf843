import { describe, expect, it } from 'vitest';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { makeJpegHeader, makePng } from '../../support/images.ts';

describe('image info', () => {
  it('reads PNG dimensions', () => {
    expect(imageInfo(makePng(320, 240))).toMatchObject({ format: 'png', width: 320, height: 240 });
  });

  it('reads JPEG dimensions past other segments', () => {
    expect(imageInfo(makeJpegHeader(640, 480, 2000))).toEqual({ format: 'jpeg', width: 640, height: 480, bytes: 2000 });
  });

  it('refuses what is neither', () => {
    expect(imageInfo(Buffer.from('GIF89a....................'))).toBeNull();
    expect(imageInfo(Buffer.from([0xff, 0xd8, 0x00, 0x00]))).toBeNull();
    expect(imageInfo(new Uint8Array(0))).toBeNull();
  });
});
