import { describe, expect, it } from 'vitest';
import { connectsByDevice, eventIdOf, toAccessEvent, toDevice, toDoor, toDoorState, toReader } from '../../../../electron/drivers/zkbio/mapping.ts';

describe('ZKBio records to common shapes', () => {
  it('keys listed transactions by their id and monitored ones (no id, §5.9) by a hash of their fields', () => {
    const monitor = { eventTime: '2026-11-22 10:00:01', pin: '1001', devSn: 'DGD9190019050335134', eventPointName: '192.168.1.201-1', readerName: '192.168.1.201-1-In', eventName: 'Normal Verify Open', cardNo: '' };
    const listed = { ...monitor, id: '402856aa6c3bbde1016c3bc2329200ff', eventNo: 0, doorName: '192.168.1.201-1', eventLevel: 0 };
    expect(eventIdOf(listed)).toBe('zk:402856aa6c3bbde1016c3bc2329200ff');
    // Two openings of a door in one second are two events when listed.
    expect(eventIdOf({ ...listed, id: '402856aa6c3bbde1016c3bc23292ffff' })).not.toBe(eventIdOf(listed));
    expect(eventIdOf(monitor)).toMatch(/^zk:h:[0-9a-f]{32}$/);
    expect(eventIdOf({ ...monitor })).toBe(eventIdOf(monitor));
    expect(eventIdOf({ ...monitor, eventTime: '2026-11-22 10:00:02' })).not.toBe(eventIdOf(monitor));
  });

  it('classifies events by number and name', () => {
    const doors = new Map([['192.168.1.201-1', 'door-1']]);
    const base = { eventTime: '2026-11-22 10:00:01', eventPointName: '192.168.1.201-1' };
    expect(toAccessEvent({ ...base, eventNo: 8, eventName: 'Remote Opening' }, doors)).toMatchObject({ kind: 'remote-open', doorId: 'door-1' });
    expect(toAccessEvent({ ...base, eventNo: 0, eventName: 'Normal Verify Open', pin: '7', name: 'Li', lastName: 'Lei' }, doors)).toMatchObject({ kind: 'pass', personPin: '7', personName: 'Li Lei' });
    expect(toAccessEvent({ ...base, eventName: 'card is not registered' }, doors).kind).toBe('denied');
    expect(toAccessEvent({ ...base, eventLevel: 2, eventName: 'Tampering' }, doors).kind).toBe('alarm');
    expect(toAccessEvent({ eventTime: 't', eventName: 'x', eventPointName: 'unknown door' }, doors).doorId).toBeNull();
  });

  it('reads door states as documented (§6.2), whatever the case', () => {
    expect(toDoorState({ connect: '1', sensor: 'Open', relay: 'open', alarm: 'none' })).toMatchObject({ online: true, sensor: 'open', relay: 'unlocked', alarm: false });
    expect(toDoorState({ connect: 0, sensor: 'No sensor', relay: 'off', alarm: 'tampering' })).toMatchObject({ online: false, sensor: 'unknown', relay: 'locked', alarm: true });
    expect(toDoorState({ connect: 0, sensor: 'No sensor', relay: 'off', alarm: 'None' }).vendor).toEqual({ connect: '0', sensor: 'no sensor', relay: 'off', alarm: 'none' });
    expect(toDoorState({})).toMatchObject({ online: null, sensor: 'unknown', relay: 'unknown', alarm: null, mode: 'unknown' });
  });

  it('reads devices, doors and readers', () => {
    // The record has no IP (2.10.1): ZKBio names a device by it, so an IP-shaped name is the IP.
    expect(toDevice({ id: 'd1', sn: 'SN1', name: '192.168.1.201', type: 'inBIO460', status: 1, module: 'acc' })).toEqual({
      id: 'd1',
      name: '192.168.1.201',
      serial: 'SN1',
      ip: '192.168.1.201',
      model: 'inBIO460',
      kind: 'access-panel',
      online: null,
      notes: { ip: 'from-name', online: 'not-read' },
    });
    expect(toDevice({ id: 'd3', sn: 'SN3', name: 'Gate house', type: 'inBIO160' }, new Map())).toMatchObject({ ip: null, online: null, notes: { ip: 'not-in-api', online: 'not-reported' } });
    expect(toDevice({ id: 'd2', sn: 'SN2', name: 'x', type: 'SpeedFace-V5L' }).kind).toBe('face-panel');
    expect(toDoor({ id: 'x', name: '192.168.214.15-2', deviceId: 'd1' }, null)).toMatchObject({ number: 2, deviceId: 'd1' });
    // A device is online when one of its doors' `connect` is 1, numbers or digit strings alike.
    const connects = connectsByDevice([{ id: 'a', deviceId: 'd1', connect: '0' }, { id: 'b', deviceId: 'd1', connect: 1 }, { id: 'c', deviceId: 'd2', connect: '2' }]);
    expect(toDevice({ id: 'd1', sn: 'S', name: 'n' }, connects).online).toBe(true);
    expect(toDevice({ id: 'd2', sn: 'S', name: 'n' }, connects).online).toBe(false);
    expect(toReader({ id: 'r', name: 'n', doorId: 'x', readerNo: 1, readerState: 1 }).direction).toBe('out');
    expect(toReader({ id: 'r', name: 'n', doorId: 'x', readState: '0' }).direction).toBe('in');
  });
});
