import { describe, expect, it } from 'vitest';
import { toAccessLevel, toDepartment, toDevice, toDoor, toReader } from '../../../../electron/drivers/k30/mapping.ts';

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
});
