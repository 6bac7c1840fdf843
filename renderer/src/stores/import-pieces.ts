// A file cut into base64 pieces for the upload (the imports store sends them one by one).

/** Base64 characters per uploaded piece: the contract's limit (one WebSocket frame holds 4 MiB). */
export const MAX_PIECE_CHARS = 3 * 1024 * 1024;

/**
 * Byte ranges `[start, end)` that split a file of `size` bytes into pieces each encoding to at most
 * `maxChars` base64 characters. Each piece is a multiple of 3 bytes (except the last), so every piece
 * is valid base64 on its own and the pieces decode to the file when appended. An empty file is one
 * empty piece (the table upload must still begin).
 */
export function pieceRanges(size: number, maxChars = MAX_PIECE_CHARS): [number, number][] {
  const step = Math.floor(maxChars / 4) * 3;
  if (step <= 0) throw new RangeError('maxChars must be at least 4');
  if (size <= 0) return [[0, 0]];
  const ranges: [number, number][] = [];
  for (let start = 0; start < size; start += step) ranges.push([start, Math.min(size, start + step)]);
  return ranges;
}

/** Standard base64 of bytes (in slices, so large inputs do not overflow the argument list). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The base64 pieces of a file's bytes, each within `maxChars`. */
export function base64Pieces(bytes: Uint8Array, maxChars = MAX_PIECE_CHARS): string[] {
  return pieceRanges(bytes.length, maxChars).map(([start, end]) => bytesToBase64(bytes.subarray(start, end)));
}
