import { describe, expect, it } from 'vitest';
import { registrationBody, reservationBody, ZKBIO_CERT_TYPES } from '../../../../electron/drivers/zkbio/visitors.ts';

/** visRegistration.add (§2.18.1) exactly as the document spells it. */
describe('ZKBio visitor fields', () => {
  it('maps the document types to §2.18’s certType codes (2 national ID … 8 others)', () => {
    expect(ZKBIO_CERT_TYPES).toEqual({ 'national-id': '2', passport: '3', 'drivers-license': '4', 'work-permit': '5', other: '8' });
  });

  it('writes visEmpName (not visitEmpName), visitorCount "1", startTime/endTime; phone and company only when given', () => {
    const base = { name: 'Mary', hostPin: '1001', idType: 'passport' as const, idNumber: 'E1', reason: 'Delivery', validFrom: '2026-03-01 09:00:00', validTo: '2026-03-01 18:00:00', starts: new Date('2026-03-01T01:00:00Z'), ends: new Date('2026-03-01T10:00:00Z'), laterDay: false };
    expect(registrationBody(base)).toEqual({
      persPersonPin: '1001', certType: '3', certNum: 'E1', visEmpName: 'Mary', visitReason: 'Delivery', visitorCount: '1', startTime: '2026-03-01 09:00:00', endTime: '2026-03-01 18:00:00',
    });
    expect(registrationBody({ ...base, phone: '139', company: 'Acme' })).toMatchObject({ visitEmpPhone: '139', company: 'Acme' });
  });

  it('writes a reservation (§2.16.1) with visitEmpName and visitDate / visitEndDate as yyyy-MM-dd HH:mm:ss (the document’s mm:hh is a typo)', () => {
    const base = { name: 'Mary', hostPin: '1001', idType: 'passport' as const, idNumber: 'E1', reason: 'Delivery', validFrom: '2026-03-02 09:00:00', validTo: '2026-03-02 18:00:00', starts: new Date(0), ends: new Date(1), laterDay: true };
    expect(reservationBody(base)).toEqual({
      persPersonPin: '1001', certType: '3', certNum: 'E1', visitEmpName: 'Mary', visitReason: 'Delivery', visitDate: '2026-03-02 09:00:00', visitEndDate: '2026-03-02 18:00:00',
    });
    expect(() => reservationBody({ ...base, reason: undefined })).toThrow(/visitReason/);
  });
});
