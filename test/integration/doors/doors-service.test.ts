import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import type { DoorAction } from '../../../shared/contract/doors.ts';
import type { ApiError } from '../../../shared/contract/errors.ts';
import { DEFAULT_COMPANY_NO } from '../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const refusal = (pending: Promise<unknown>) => pending.then(() => expect.fail('the call succeeded'), (e: unknown) => e as ApiError);

async function site(): Promise<{ core: Core; siteId: number }> {
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })).id;
  await call(core, 'alarms.setSettings', { guardName: '张伟' });
  return { core, siteId };
}

/** The doors capability of the core against the simulators (issue 15 item 2). */
describe('doors service', () => {
  it('ZKBio: lists the doors with state and actions; an open is audited started → ok, announced, and the door’s own event arrives', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    cleanup.push(() => zk.close().catch(() => undefined));
    const { core, siteId } = await site();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    await call(core, 'backends.inventory', { id: backendId, refresh: true });
    const { doors } = await call(core, 'doors.list', { siteId });
    const door = doors[0];
    if (!door) throw new Error('no door');
    expect(doors.length).toBe(zk.state.doors.length);
    expect(door).toMatchObject({ backendId, actions: ['open', 'close'] });
    expect(['open', 'closed', 'offline', 'alarm', 'unknown']).toContain(door.state);

    const announced: DoorAction[] = [];
    const remoteOpens: string[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'doors.action') announced.push((payload as { action: DoorAction }).action);
      if (event === 'events.received') {
        for (const received of (payload as { events: { kind: string; doorId: string | null }[] }).events) {
          if (received.kind === 'remote-open' && received.doorId) remoteOpens.push(received.doorId);
        }
      }
    });
    await core.events.start({ siteId });
    const done = await call(core, 'doors.open', { backendId, doorId: door.doorId, seconds: 3 });
    expect(done).toMatchObject({ result: 'ok', action: 'open', seconds: 3, guard: '张伟', doorName: door.name, errorCode: null });
    expect(done.station.length).toBeGreaterThan(0);
    expect(announced.map((a) => a.result)).toEqual(['started', 'ok']);
    expect((await call(core, 'doors.actions', { siteId })).actions).toEqual([done]);
    await expect.poll(() => remoteOpens, { timeout: 40_000, interval: 500 }).toContain(door.doorId);
  }, 60_000);

  it('K30: back to normal is refused with the reason; hold open is done; a door going offline is announced once; a backend out of reach is recorded as failed with its error', async () => {
    const sim = await startK30Simulator();
    cleanup.push(() => sim.close().catch(() => undefined));
    const { core, siteId } = await site();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })).id;
    await call(core, 'backends.inventory', { id: backendId, refresh: true });
    const { doors } = await call(core, 'doors.list', { siteId });
    const door = doors.find((d) => d.state !== 'offline') ?? doors[0];
    if (!door) throw new Error('no door');
    expect(door.actions).toEqual(['open', 'normally-open', 'normally-closed']);

    const refused = await refusal(call(core, 'doors.setMode', { backendId, doorId: door.doorId, mode: 'normal' }));
    expect(refused.code).toBe('door_action_unsupported');
    expect(refused.message).toContain('K30');
    expect((refused.details as { advice?: { 'zh-CN': string } }).advice?.['zh-CN']).toBeTruthy();
    const closeRefused = await refusal(call(core, 'doors.close', { backendId, doorId: door.doorId }));
    expect(closeRefused.code).toBe('door_action_unsupported');
    // Refused before anything was sent: nothing to audit.
    expect((await call(core, 'doors.actions', { siteId })).actions).toEqual([]);

    const held = await call(core, 'doors.setMode', { backendId, doorId: door.doorId, mode: 'normally-open' });
    expect(held).toMatchObject({ result: 'ok', action: 'normally-open' });

    // A polled state that changes is announced once (the page follows it; it never polls the core).
    const states: { doorId: string; state: string }[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'doors.state') states.push((payload as { door: { doorId: string; state: string } }).door);
    });
    await core.doors.pollOnce();
    expect(states).toEqual([]);
    const device = sim.state.devices.get(door.doorId);
    if (!device) throw new Error('no device');
    device.online = false;
    await core.doors.pollOnce();
    await core.doors.pollOnce();
    expect(states).toEqual([expect.objectContaining({ doorId: door.doorId, state: 'offline' })]);

    await sim.close();
    const failed = await refusal(call(core, 'doors.open', { backendId, doorId: door.doorId, seconds: 5 }));
    const [last] = (await call(core, 'doors.actions', { siteId })).actions;
    expect(last).toMatchObject({ action: 'open', result: 'failed', errorCode: failed.code });
    expect(last?.errorMessage).toBeTruthy();
    expect(last?.finishedAt).toBeTruthy();
  });
});
