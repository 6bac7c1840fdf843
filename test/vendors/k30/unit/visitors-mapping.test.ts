import { describe, expect, it } from 'vitest';
import { toAccessEvent } from '../../../../electron/drivers/k30/mapping.ts';
import { createBody } from '../../../../electron/drivers/k30/visitors.ts';

const visitor = { name: '王五', hostPin: 'A0001', idType: 'passport' as const, idNumber: 'E1', phone: '139', validFrom: '2026-03-01 09:00:00', validTo: '2026-03-01 18:00:00', starts: new Date('2026-03-01T01:00:00Z'), ends: new Date('2026-03-01T10:00:00Z'), laterDay: false };

/** visitor.create's data exactly as k30.md prints it, and a visitor's pass record (group 10 访客). */
describe('K30 visitor fields', () => {
  it('sends name, phone, staffno (the host’s K30 no), begintime, endtime, idcard; reason only when given; no document type', async () => {
    expect(await createBody(visitor, '1700000000000201')).toEqual({
      name: '王五', phone: '139', staffno: '1700000000000201', begintime: '2026-03-01 09:00:00', endtime: '2026-03-01 18:00:00', idcard: 'E1',
    });
    expect(await createBody({ ...visitor, reason: '送货' }, 'n')).toMatchObject({ reason: '送货' });
  });

  it('a visitor’s pass carries the registration number (peopleno) as its pin; a person’s, the job number', () => {
    const record = { no: 'r1', deviceno: 'D1', peopleno: '1763630523605347', peoplename: '王五', jobnumber: '', group: '10', mode: '0', addtime: '2026-03-01 09:01:00', exceptionmode: '1' };
    expect(toAccessEvent(record).personPin).toBe('1763630523605347');
    expect(toAccessEvent({ ...record, group: '0', jobnumber: 'A0001' }).personPin).toBe('A0001');
    expect(toAccessEvent({ ...record, group: '1' }).personPin).toBeNull();
  });
});
