import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZkbioAdapter } from '../../../../electron/drivers/zkbio/adapter.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../../simulators/zkbio/server.ts';
import { driverFailure } from '../../../support/driver-failure.ts';

const TOKEN = 'doorman-time-zone-token';
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

describe('ZKBio access level time zones (issue 12 item 13)', () => {
  it('a level with a time zone ZKBio does not have is refused and not saved; the built-in one is saved', async () => {
    const failure = await driverFailure(adapter.client.call('accLevel.addLevel', { items: [{ name: 'Crew', timeSegName: 'Night shift', areaName: 'Area 1' }] }));
    expect(failure).toMatchObject({ code: 'vendor_error', vendorCode: -1 });
    expect(sim.state.levelByName('acc', 'Crew')).toBeUndefined();

    await adapter.client.call('accLevel.addLevel', { items: [{ name: 'Crew', timeSegName: '24-Hour Accessible', areaName: 'Area 1' }] });
    expect(sim.state.levelByName('acc', 'Crew')?.timeSegName).toBe('24-Hour Accessible');
  });
});
