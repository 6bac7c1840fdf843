import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { zkbioAlarms } from '../../../../electron/drivers/zkbio/alarms.ts';

const event: AccessEvent = {
  eventId: 'door-state:1:2026-01-01T00:00:00.000Z', occurredAt: '2026-01-01T00:00:00.000Z', kind: 'door', doorId: '1', doorName: '10.8.14.210-1', deviceSerial: null,
  readerName: null, personPin: null, personName: null, verifyMode: null, description: 'Door back to normal', photoUrl: null,
};

// The document's DoorState (§6.2, door/allDoorState 2.12.1): connect 0 offline / 1 online / 2 disabled.
const state = (connect: string, alarm: string) => ({ id: '1', name: '10.8.14.210-1', connect, sensor: 'off', relay: 'off', alarm });

describe('ZKBio door-state alarms', () => {
  it('connect 0 is the door offline, in both languages; 1 and 2 (disabled) are not', () => {
    const offline = zkbioAlarms({ event, raw: state('0', 'unknown') });
    expect(offline?.alarmClass).toBe('other-alarm');
    expect(offline?.reason.en).toMatch(/^Door offline/);
    expect(offline?.reason['zh-CN']).toMatch(/^门离线/);
    expect(zkbioAlarms({ event, raw: state('1', 'none') })).toBeNull();
    expect(zkbioAlarms({ event, raw: state('2', 'unknown') })).toBeNull();
  });

  it('an online door in alarm is classed by its alarm text', () => {
    expect(zkbioAlarms({ event, raw: state('1', 'be opened accidentally') })?.alarmClass).toBe('door-forced');
    expect(zkbioAlarms({ event, raw: state('1', 'timeout') })?.alarmClass).toBe('held-open');
    expect(zkbioAlarms({ event, raw: state('1', 'tampering') })?.alarmClass).toBe('tamper');
  });
});
