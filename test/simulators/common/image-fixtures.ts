import { crc32, deflateSync } from 'node:zlib';

/**
 * Images for tests and the demo, made in code: a real (decodable) PNG of one colour, and a JPEG
 * that carries only the headers a size check reads (SOI, JFIF APP0, SOF0, EOI).
 */
export function makePng(width: number, height: number, options: { grey?: boolean; rgb?: readonly [number, number, number] } = {}): Buffer {
  const channels = options.grey ? 1 : 3;
  const [r, g, b] = options.rgb ?? [200, 160, 140];
  const row = Buffer.alloc(1 + width * channels);
  for (let x = 0; x < width; x += 1) {
    if (options.grey) row[1 + x] = r;
    else row.set([r, g, b], 1 + x * 3);
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = options.grey ? 0 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function makeJpegHeader(width: number, height: number, components: 1 | 3 = 3): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.alloc(10 + components * 3);
  sof.set([0xff, 0xc0]);
  sof.writeUInt16BE(8 + components * 3, 2);
  sof[4] = 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  sof[9] = components;
  for (let c = 0; c < components; c += 1) sof.set([c + 1, c === 0 ? 0x22 : 0x11, c === 0 ? 0 : 1], 10 + c * 3);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

export function toBase64(bytes: Buffer): string {
  return bytes.toString('base64');
}
