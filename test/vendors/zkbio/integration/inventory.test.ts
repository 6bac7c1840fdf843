import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInventory } from '../../../../electron/backends/inventory-read.ts';
import { ZkbioAdapter } from '../../../../electron/drivers/zkbio/adapter.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../../simulators/zkbio/server.ts';

const TOKEN = 'doorman-inventory-token';
let sim: ZkbioSimulator;
let adapter: ZkbioAdapter;

beforeEach(async () => {
  sim = await startZkbioSimulator({ token: TOKEN });
  adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
});

afterEach(async () => {
  await adapter.close();
  await sim.close();
});

describe('ZKBio inventory an installer can use (issue 12 item 15)', () => {
  it('gives devices their IP (from the name), serial and online state from the doors’ connect, doors their state, levels a note', async () => {
    const [first, second] = sim.state.devices.filter((d) => d.module === 'acc');
    if (!first || !second) throw new Error('seed has two access devices');
    second.online = false;
    const { parts, errors } = await readInventory(adapter);
    expect(errors).toEqual({});

    const one = parts.devices?.find((d) => d.id === first.id);
    expect(one).toMatchObject({ name: first.name, serial: first.sn, ip: first.ip, online: true, notes: { ip: 'from-name' } });
    expect(parts.devices?.find((d) => d.id === second.id)).toMatchObject({ ip: second.ip, online: false });

    const door = sim.state.doors.find((d) => d.deviceId === first.id);
    const read = parts.doors?.find((d) => d.id === door?.id);
    expect(read?.state).toMatchObject({ online: true, vendor: { connect: '1', sensor: door?.sensor.toLowerCase() } });
    expect(read?.notes).toBeUndefined();
    const offline = parts.doors?.find((d) => d.deviceId === second.id);
    expect(offline?.state).toMatchObject({ online: false, vendor: { connect: '0' } });

    // LevelGroup is id and name only: the API has no call listing a level's doors.
    expect(parts.accessLevels?.[0]).toMatchObject({ doorIds: null, notes: { doorIds: 'not-in-api' } });
  });

  it('reads the door states once for devices and doors (the document’s 10 s), and a refused state read only marks the state', async () => {
    await readInventory(adapter);
    expect(sim.counters.get('door.allDoorState')).toBe(1);

    const later = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
    try {
      sim.faults.wrongShape('data', { endpoint: 'door.allDoorState' });
      const { parts, errors } = await readInventory(later);
      expect(errors).toEqual({});
      expect(parts.devices?.[0]).toMatchObject({ online: null, notes: { online: 'not-read' } });
      expect(parts.doors?.[0]).toMatchObject({ state: null, notes: { state: 'not-read' } });
    } finally {
      await later.close();
    }
  });
});
