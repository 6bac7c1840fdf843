import { describe, expect, it } from 'vitest';
import { toAccessEvent, toAccessLevel, toBackendPerson, toDepartment, toDevice, toDoor, toReader } from '../../../../electron/drivers/k30/mapping.ts';

/** K30 records as the common inventory (electron/drivers/k30/mapping.ts), numbers as text or numbers (E23). */
describe('K30 mapping', () => {
  it('a device: onlinestatus as text or number, no serial or model in the API, a missing ip not reported', () => {
    expect(toDevice({ no: '22012521131C', name: '大门', ip: '', onlinestatus: '0' })).toEqual({
      id: '22012521131C', name: '大门', serial: null, ip: null, model: null, kind: 'face-panel', online: false, notes: { serial: 'not-in-api', model: 'not-in-api', ip: 'not-reported' },
    });
    expect(toDevice({ no: 'A', ip: '10.0.0.5', onlinestatus: 1 })).toMatchObject({ name: 'A', online: true, notes: { serial: 'not-in-api', model: 'not-in-api' } });
    expect(toDevice({ no: 'A', ip: '10.0.0.5' }).notes).toMatchObject({ online: 'not-reported' });
  });

  it('the device as its door and its reader: direction from outintype (1 入口, 0 出口)', () => {
    expect(toDoor({ no: 'A', name: '门', onlinestatus: '1', area: '一楼' })).toEqual({
      id: 'A', name: '门', deviceId: 'A', number: null, state: { sensor: 'unknown', relay: 'unknown', alarm: null, mode: 'unknown', online: true, text: '一楼' },
    });
    expect(toReader({ no: 'A', name: '门', outintype: '1' }).direction).toBe('in');
    expect(toReader({ no: 'A', name: '门', outintype: 0 }).direction).toBe('out');
    expect(toReader({ no: 'A', name: '门' }).direction).toBeNull();
  });

  it('a department without a parent; a region’s doors by the devices’ regionname', () => {
    expect(toDepartment({ no: '1', name: '项目部', parentno: '' })).toEqual({ id: '1', name: '项目部', parentId: null });
    const devices = [{ no: 'A', regionname: '大门' }, { no: 'B', regionname: '默认区域' }];
    expect(toAccessLevel({ no: 'R', name: '大门' }, devices)).toEqual({ id: 'R', name: '大门', doorIds: ['A'] });
    expect(toAccessLevel({ no: 'R', name: '大门' }, null)).toEqual({ id: 'R', name: '大门', doorIds: null, notes: { doorIds: 'not-read' } });
  });

  it('a pass record as an event: remote open (mode 11), pass, stranger, refused', () => {
    const record = { no: '9', deviceno: 'A', peopleno: '1', peoplename: '张三', jobnumber: 'A0001', photo: '', group: '0', mode: '0', addtime: '2025-06-02 09:00:00', outintype: '1', exceptionmode: '1' };
    expect(toAccessEvent(record)).toEqual({
      eventId: 'k30:9', occurredAt: '2025-06-02 09:00:00', kind: 'pass', doorId: 'A', doorName: null, deviceSerial: null, readerName: null, personPin: 'A0001', personName: '张三', verifyMode: '智能识别', description: '智能识别', photoUrl: null,
      result: 'passed', direction: 'in', temperature: null, mask: null, capturedPhotoUrl: null,
    });
    expect(toAccessEvent({ ...record, mode: '11', jobnumber: '' })).toMatchObject({ kind: 'remote-open', personPin: null, description: '远程开门' });
    expect(toAccessEvent({ ...record, group: '1', exceptionmode: '0' }).kind).toBe('denied');
    expect(toAccessEvent({ ...record, exceptionmode: 0 }).kind).toBe('denied');
    expect(toAccessEvent({ ...record, mode: 99 }).verifyMode).toBe('99');
  });

  it('a people.list item by its job number; without one it cannot be picked', () => {
    expect(toBackendPerson({ no: '1', jobNumber: 'A0001', name: '张三' })).toEqual({ pin: 'A0001', name: '张三' });
    expect(toBackendPerson({ no: '1', jobNumber: '', name: '张三' })).toBeNull();
  });
});
