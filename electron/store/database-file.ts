import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Why an existing file cannot be Doorman's store (`store_corrupt`'s `problem`). */
export type DatabaseFileProblem = 'empty' | 'not_sqlite' | 'truncated' | 'damaged' | 'not_doorman';

type DatabaseFileState =
  | { readonly state: 'absent' }
  | { readonly state: 'present' }
  | { readonly state: 'unusable'; readonly problem: DatabaseFileProblem; readonly reason: string };

// The database header (https://www.sqlite.org/fileformat2.html §1.3): 100 bytes at the start of
// the file. Only the fields that say whether the file is whole are read here.
const HEADER_BYTES = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

function readHeader(path: string, length: number): Buffer {
  const header = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/** The page size field: a power of two from 512 to 32768, or 1 for 65536. */
function pageSizeOf(header: Buffer): number | null {
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65_536 : raw;
  return size >= 512 && size <= 65_536 && (size & (size - 1)) === 0 ? size : null;
}

/**
 * What is at `path` before SQLite is let near it, reading only: nothing (a new store may be made
 * there), a file whose header and length are those of a whole SQLite database, or a file that
 * cannot be one — empty, something else, or cut short. SQLite would quietly treat an empty file as
 * a new database, and opens a truncated one until it reaches the missing pages; neither may be
 * mistaken for a store to fill.
 */
export function inspectDatabaseFile(path: string): DatabaseFileState {
  const size = sizeOf(path);
  if (size === null) return { state: 'absent' };
  if (size === 0) return { state: 'unusable', problem: 'empty', reason: 'the file is empty: 0 bytes' };
  const header = readHeader(path, Math.min(size, HEADER_BYTES));
  const magic = MAGIC.subarray(0, Math.min(header.length, MAGIC.length));
  if (!header.subarray(0, magic.length).equals(magic)) {
    return { state: 'unusable', problem: 'not_sqlite', reason: 'the file is not an SQLite database' };
  }
  if (size < HEADER_BYTES) return { state: 'unusable', problem: 'truncated', reason: `the file ends inside the database header, after ${size} bytes` };
  const pageSize = pageSizeOf(header);
  // Bytes 21–23 are fixed by the format (payload fractions 64, 32, 32).
  if (pageSize === null || header[21] !== 64 || header[22] !== 32 || header[23] !== 32) {
    return { state: 'unusable', problem: 'damaged', reason: 'the database header is damaged' };
  }
  // While a -wal file holds writes not yet copied back, the main file may lag behind its header.
  const walBytes = sizeOf(`${path}-wal`) ?? 0;
  if (walBytes > 0) return { state: 'present' };
  if (size % pageSize !== 0 || size < pageSize) {
    return { state: 'unusable', problem: 'truncated', reason: `the file ends inside a page: ${size} bytes, pages of ${pageSize}` };
  }
  // The page count at offset 28 is valid when the change counter (24) matches "version valid for" (92).
  const pages = header.readUInt32BE(28);
  if (pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92) && size < pages * pageSize) {
    return { state: 'unusable', problem: 'truncated', reason: `the file is cut short: ${size} of ${pages * pageSize} bytes` };
  }
  return { state: 'present' };
}
