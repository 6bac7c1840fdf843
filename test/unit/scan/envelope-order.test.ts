import { describe, expect, it } from 'vitest';
import { readEnvelope } from '../../../electron/scan/vendor-envelopes.ts';

/** The scanner asks every vendor's reader (drivers/<vendor>/fingerprint.ts) through the registry. */
describe('reading a reply with every vendor’s envelope reader (issue 13 item 2)', () => {
  it('takes the surest reading', () => {
    expect(readEnvelope({ resultcode: 0, msg: 'x', data: null, code: 100001 }, 'k30')).toEqual({ kind: 'hongtu', confidence: 0.95, variants: [] });
    expect(readEnvelope({ code: -1, message: 'x', data: null }, 'zkbio')).toEqual({ kind: 'zkbio', confidence: 0.9, variants: [] });
  });

  it('on equal confidence, takes the vendor later in the registry (the more particular envelope), as the scanner always has', () => {
    // ZKBio reads `msg for message` (0.75); K30 its documented envelope in answer to another probe (0.75).
    expect(readEnvelope({ resultcode: '1', msg: 'x', data: null, code: -40 }, 'zkbio')).toEqual({ kind: 'k30', confidence: 0.75, variants: [] });
  });

  it('reads nothing from a reply no vendor’s envelope fits', () => {
    expect(readEnvelope({ status: 'ok' }, 'root')).toBeNull();
  });
});
