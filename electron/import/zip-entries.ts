import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** A file inside a zip, as its central directory describes it. */
interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** As declared: a zip bomb may declare little and unpack to much more (ZipReader counts the real bytes). */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

/** The end-of-central-directory record is 22 bytes, after a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** Reads the central directory of the zip at `path` (APPNOTE 4.3.12, 4.3.16); no zip64, no encryption. */
export async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, EOCD_SEARCH);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('not a zip file (no end of central directory)');
    const count = tail.readUInt16LE(eocd + 10);
    const length = tail.readUInt32LE(eocd + 12);
    const start = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || length === 0xffffffff || start === 0xffffffff) throw new ZipError('zip64 archives are not read');
    if (start + length > size) throw new ZipError('the central directory lies outside the file');
    const directory = Buffer.alloc(length);
    await file.read(directory, 0, length, start);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > length || directory.readUInt32LE(at) !== 0x02014b50) throw new ZipError('damaged central directory');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** Counts the bytes passing through; past `budget.left` it fails with `onOver()`'s error. */
class Metered extends Transform {
  private readonly budget: { left: number };
  private readonly onOver: () => Error;

  constructor(budget: { left: number }, onOver: () => Error) {
    super();
    this.budget = budget;
    this.onOver = onOver;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.budget.left -= chunk.length;
    if (this.budget.left < 0) done(this.onOver());
    else done(null, chunk);
  }
}

/**
 * Reads entries of one zip with a shared budget of unpacked bytes: every stream it opens counts
 * the bytes it really unpacks (not the declared sizes) and fails with `onOver()` past the budget.
 * `close()` ends every stream still open (a reader that stops early leaves no file open).
 */
export class ZipReader {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private readonly path: string;
  private readonly budget: { left: number };
  private readonly onOver: () => Error;
  private readonly open = new Set<Readable>();

  constructor(path: string, entries: ReadonlyMap<string, ZipEntry>, maxUnpackedBytes: number, onOver: () => Error) {
    this.path = path;
    this.entries = entries;
    this.budget = { left: maxUnpackedBytes };
    this.onOver = onOver;
  }

  /** The entry's unpacked bytes, as a stream. */
  async stream(entry: ZipEntry): Promise<Readable> {
    if (entry.flags & 0x1) throw new ZipError(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw new ZipError('zip64 archives are not read');
    if (entry.uncompressedSize > this.budget.left) throw this.onOver();
    const header = Buffer.alloc(30);
    const file = await open(this.path, 'r');
    try {
      await file.read(header, 0, 30, entry.localHeaderOffset);
    } finally {
      await file.close();
    }
    if (header.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`${entry.name}: no local header where the directory says`);
    const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = entry.compressedSize === 0 ? Readable.from([]) : createReadStream(this.path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
    const unpacked = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw.pipe(new PassThrough());
    const metered = unpacked.pipe(new Metered(this.budget, this.onOver));
    // Errors of the file and the inflater surface on the stream the reader holds.
    for (const stage of [raw, unpacked]) stage.on('error', (error: Error) => metered.destroy(error));
    const streams = [raw, unpacked, metered];
    for (const s of streams) this.open.add(s);
    metered.on('close', () => {
      for (const s of streams) {
        s.destroy();
        this.open.delete(s);
      }
    });
    return metered;
  }

  close(): void {
    for (const stream of this.open) stream.destroy();
    this.open.clear();
  }
}
