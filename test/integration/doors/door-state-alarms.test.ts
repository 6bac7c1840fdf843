import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import type { Alarm } from '../../../shared/contract/alarms.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The simulator's admin API: a door's §6.2 state as ZKBio reports it. */
async function setDoor(sim: ZkbioSimulator, id: string, change: { alarm?: string }): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/doors`, { method: 'POST', headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ id, ...change }) });
  expect(res.status).toBe(200);
}

async function setDevice(sim: ZkbioSimulator, sn: string, online: boolean): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/devices`, { method: 'POST', headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sn, online }) });
  expect(res.status).toBe(200);
}

/**
 * One read of the door states as the started service does it every 11 s. ZKBio's driver reads the
 * states at most every 10 s (its document's limit) and gives the last read in between: the clock is
 * moved on past it, so each read here is a real one.
 */
async function read(core: Core): Promise<Alarm[]> {
  vi.setSystemTime(Date.now() + 11_000);
  await core.doors.pollOnce();
  await core.alarms.idle();
  const { currentSiteId: siteId } = await call(core, 'sites.list', {});
  if (siteId === null) throw new Error('no current site');
  return (await call(core, 'alarms.list', { siteId })).alarms;
}

function startCore(dataDir: string): Core {
  const core = createCore({ dataDir, runtime: 'node' });
  cleanup.push(() => core.close());
  // What the app and the web server do when they start; no page lists the doors.
  core.doors.start();
  return core;
}

/** ZKBio door states raise alarms from the core alone (issue 15 items 1 and 3). */
describe('door-state alarms', () => {
  it('ZKBio: a forced door raises one alarm per episode, from the core with no page open, and none again after a restart', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    cleanup.push(() => void vi.useRealTimers());
    const sim = await startZkbioSimulator({ token: 'door-state-token' });
    cleanup.push(() => sim.close().catch(() => undefined));
    const dataDir = tempDir();
    const core = startCore(dataDir);
    const siteId = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })).id;
    await call(core, 'sites.select', { id: siteId });
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: sim.token } })).id;
    const door = sim.state.doors[0];
    if (!door) throw new Error('no door');

    expect(await read(core)).toEqual([]);
    await setDoor(sim, door.id, { alarm: 'be opened accidentally' });
    const first = await read(core);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      backendId,
      alarmClass: 'door-forced',
      doorId: door.id,
      doorName: door.name,
      reason: { en: 'Door opened accidentally (forced)', 'zh-CN': '门被意外打开' },
    });
    // The door is still forced on the next reads: the same episode, no new alarm.
    expect(await read(core)).toHaveLength(1);
    expect(await read(core)).toHaveLength(1);

    // Back to none, then forced again: a second episode.
    await setDoor(sim, door.id, { alarm: 'none' });
    expect(await read(core)).toHaveLength(1);
    await setDoor(sim, door.id, { alarm: 'be opened accidentally' });
    const second = await read(core);
    expect(second.map((a) => a.alarmClass)).toEqual(['door-forced', 'door-forced']);

    // The state changes are events of the pipeline: the feed and history show them.
    const stored = core.events.recent(backendId, 50).filter((e) => e.eventId.startsWith('door-state:'));
    expect(stored.map((e) => e.kind).sort()).toEqual(['alarm', 'alarm', 'door']);

    // The app restarts while the door is still forced: no new alarm for the same episode.
    await core.close();
    cleanup.pop();
    const again = startCore(dataDir);
    expect(await read(again)).toHaveLength(2);

    // A different alarm at the same door (held open too long) is a new one.
    await setDoor(sim, door.id, { alarm: 'timeout' });
    const third = await read(again);
    expect(third[0]).toMatchObject({ alarmClass: 'held-open', doorId: door.id, reason: { en: 'Door open timeout', 'zh-CN': '开门超时' } });
    expect(third).toHaveLength(3);
  }, 60_000);

  it('ZKBio: a door whose controller goes offline (connect 0) raises "door offline" once', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    cleanup.push(() => void vi.useRealTimers());
    const sim = await startZkbioSimulator({ token: 'door-state-token' });
    cleanup.push(() => sim.close().catch(() => undefined));
    const core = startCore(tempDir());
    const siteId = (await call(core, 'sites.create', { name: 'Gate house' })).id;
    await call(core, 'sites.select', { id: siteId });
    await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: sim.token } });
    const door = sim.state.doors[0];
    const device = door ? sim.state.deviceById(door.deviceId) : undefined;
    if (!door || !device) throw new Error('no door');
    expect(await read(core)).toEqual([]);
    await setDevice(sim, device.sn, false);
    const alarms = await read(core);
    const offline = alarms.filter((a) => a.doorId === door.id);
    expect(offline).toHaveLength(1);
    expect(offline[0]?.reason.en).toContain('Door offline');
    expect(offline[0]?.reason['zh-CN']).toContain('门离线');
    expect((await read(core)).filter((a) => a.doorId === door.id)).toHaveLength(1);
  }, 60_000);
});
