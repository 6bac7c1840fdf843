import { describe, expect, it } from 'vitest';
import { boundedRaw } from '../../../electron/events/bounded-raw.ts';

describe('the vendor record kept beside an event', () => {
  it('keeps fields as they are but a very long text (a base64 capture photo), replaced by its length', () => {
    const photo = 'A'.repeat(50_000);
    expect(boundedRaw({ id: '1', eventLevel: 2, capturePhotoBase64: photo, nested: [{ note: 'ok' }] })).toEqual({ id: '1', eventLevel: 2, capturePhotoBase64: '[50000 characters not kept]', nested: [{ note: 'ok' }] });
    expect(boundedRaw(null)).toBeNull();
  });
});
