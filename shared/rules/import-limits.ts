import { MAX_PHOTO_BYTES } from './photo-limits.ts';

/**
 * How much one import may hold. Doorman refuses more, with an error naming the limit, while it
 * reads or receives the files, never after it has filled the memory or the disk. One source for
 * the core's checks and for the messages and pages that state the limits.
 */
export const IMPORT_LIMITS = {
  /** Data rows of a sheet (below the header; blank rows do not count): a large site's workforce, with room to spare. */
  rows: 50_000,
  /** Columns of a row: the template has 10; an HR export with every field fits. */
  columns: 256,
  /** Cells of a sheet, header included (rows × their columns): 50,000 rows of 40 columns. */
  cells: 2_000_000,
  /** The spreadsheet file: 50,000 full rows take about 7 MB as CSV, less as XLSX. */
  tableBytes: 16 * 1024 * 1024,
  /** An XLSX's parts once unzipped (a zip bomb unzips to gigabytes): 50,000 full rows unzip to about 40 MB. */
  unzippedBytes: 128 * 1024 * 1024,
  /** One photo as uploaded: the photo byte limit every photo path keeps (photo-limits.ts). */
  photoBytes: MAX_PHOTO_BYTES,
  /** Photos of one import: one per row. */
  photos: 50_000,
  /** The table and photos staged for one import (50,000 ID photos of 40 KB; 400 phone photos). */
  importBytes: 2 * 1024 * 1024 * 1024,
  /** Everything staged by all imports at once, on the computer's disk. */
  stagedBytes: 4 * 1024 * 1024 * 1024,
} as const;

/** Bytes as the messages state them: whole megabytes (MiB), or gigabytes from 1 GiB up. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${Number((mb / 1024).toFixed(1))} GB` : `${Math.round(mb)} MB`;
}
