import { describe, expect, it } from 'vitest';
import type { K30Device } from '../../../../shared/contract/commissioning.ts';
import { changesOf, toK30Device, updateBody } from '../../../../electron/drivers/k30/commissioning.ts';

const device: K30Device = { no: '220114020314C', name: '大门入口', ip: '192.0.2.41', area: '大门', regionName: '工地大门', direction: 'in', attendance: true, online: true };

describe('K30 set-up steps: device.update body and changes (issue 14 item 6)', () => {
  it('sends no, the device’s own ip and name, and only the optional fields given (填就更新)', () => {
    expect(updateBody(device, { no: device.no, name: 'North gate' })).toEqual({ no: device.no, ip: '192.0.2.41', name: 'North gate' });
    expect(updateBody(device, { no: device.no, name: 'N', area: 'Gate', regionName: '默认区域', direction: 'out', attendance: false })).toEqual({
      no: device.no,
      ip: '192.0.2.41',
      name: 'N',
      area: 'Gate',
      regionname: '默认区域',
      outintype: 0,
      isenableattend: 0,
    });
    expect(updateBody(device, { no: device.no, name: 'N', direction: 'in', attendance: true })).toMatchObject({ outintype: 1, isenableattend: 1 });
  });

  it('refuses when K30 reports no IP (device.update requires it), saying what to do', () => {
    expect(() => updateBody({ ...device, ip: null }, { no: device.no, name: 'N' })).toThrow(/Set the IP at the device/);
  });

  it('reads devices leniently (numbers as text, E23) and lists the changed fields in the form’s order', () => {
    expect(toK30Device({ no: 'A1', name: '', ip: '1.2.3.4', area: '', regionname: 'R', outintype: '0', isenableattend: '1', onlinestatus: '0' })).toEqual({
      no: 'A1',
      name: 'A1',
      ip: '1.2.3.4',
      area: null,
      regionName: 'R',
      direction: 'out',
      attendance: true,
      online: false,
    });
    expect(changesOf(device, { ...device, attendance: false, name: 'X', online: false })).toEqual([
      { field: 'name', before: '大门入口', after: 'X' },
      { field: 'attendance', before: true, after: false },
    ]);
  });
});
