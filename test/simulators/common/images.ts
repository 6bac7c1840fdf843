import { createHash } from 'node:crypto';

/**
 * What a simulator needs to know about an uploaded image: that the bytes are a JPEG or a PNG, its
 * pixel size and whether it is a colour image. Read from the file headers only.
 */
export interface ImageInfo {
  readonly format: 'jpeg' | 'png';
  readonly width: number;
  readonly height: number;
  readonly color: boolean;
  readonly size: number;
  readonly sha256: string;
}

export function inspectImage(bytes: Buffer): ImageInfo | undefined {
  const header = readPng(bytes) ?? readJpeg(bytes);
  if (!header) return undefined;
  return { ...header, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

type Header = Pick<ImageInfo, 'format' | 'width' | 'height' | 'color'>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readPng(bytes: Buffer): Header | undefined {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colorType = bytes[25] ?? 0;
  if (width === 0 || height === 0) return undefined;
  // Colour types 0 and 4 are greyscale (with and without alpha).
  return { format: 'png', width, height, color: colorType !== 0 && colorType !== 4 };
}

function readJpeg(bytes: Buffer): Header | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = bytes.readUInt16BE(at + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 10 > bytes.length) return undefined;
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      const components = bytes[at + 9] ?? 0;
      if (width === 0 || height === 0) return undefined;
      return { format: 'jpeg', width, height, color: components >= 3 };
    }
    at += 2 + length;
  }
  return undefined;
}
