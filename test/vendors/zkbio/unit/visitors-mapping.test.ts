import { describe, expect, it } from 'vitest';
import { registrationBody, ZKBIO_CERT_TYPES } from '../../../../electron/drivers/zkbio/visitors.ts';

/** visRegistration.add (§2.18.1) exactly as the document spells it. */
describe('ZKBio visitor fields', () => {
  it('maps the document types to §2.18’s certType codes (2 national ID … 8 others)', () => {
    expect(ZKBIO_CERT_TYPES).toEqual({ 'national-id': '2', passport: '3', 'drivers-license': '4', 'work-permit': '5', other: '8' });
  });

  it('writes visEmpName (not visitEmpName), visitorCount "1", startTime/endTime; phone and company only when given', () => {
    const base = { name: 'Mary', hostPin: '1001', idType: 'passport' as const, idNumber: 'E1', reason: 'Delivery', validFrom: '2026-03-01 09:00:00', validTo: '2026-03-01 18:00:00' };
    expect(registrationBody(base)).toEqual({
      persPersonPin: '1001', certType: '3', certNum: 'E1', visEmpName: 'Mary', visitReason: 'Delivery', visitorCount: '1', startTime: '2026-03-01 09:00:00', endTime: '2026-03-01 18:00:00',
    });
    expect(registrationBody({ ...base, phone: '139', company: 'Acme' })).toMatchObject({ visitEmpPhone: '139', company: 'Acme' });
  });
});
