import { describe, expect, it } from 'vitest';
import { base64Length, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, photoOverLimit } from '../../../shared/rules/photo-limits.ts';

describe('photo limits', () => {
  it('takes a photo up to the limits and refuses one past them, the file size first', () => {
    expect(photoOverLimit({ width: 10_000, height: 5_000, bytes: MAX_PHOTO_BYTES })).toBeNull();
    expect(photoOverLimit({ width: 10_000, height: 5_001 })).toBe('photo_too_many_pixels');
    expect(photoOverLimit({ width: 60_000, height: 60_000 })).toBe('photo_too_many_pixels');
    expect(photoOverLimit({ bytes: MAX_PHOTO_BYTES + 1 })).toBe('photo_file_too_large');
    expect(photoOverLimit({ width: 60_000, height: 60_000, bytes: MAX_PHOTO_BYTES + 1 })).toBe('photo_file_too_large');
    // Only what is known is judged: a size before the header is read, a header before the size.
    expect(photoOverLimit({ bytes: 1_000 })).toBeNull();
    expect(photoOverLimit({ width: 4_032 })).toBeNull();
    expect(MAX_PHOTO_PIXELS).toBe(50_000_000);
  });

  it('gives the base64 length of the byte limit, as the API counts it', () => {
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
    expect(base64Length(MAX_PHOTO_BYTES)).toBe(Buffer.alloc(MAX_PHOTO_BYTES).toString('base64').length);
  });
});
