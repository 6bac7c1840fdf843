import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trafficTick, type TrafficSimulators } from '../../../scripts/demo-traffic.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startK30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';

/** The guard-room demo's traffic (scripts/demo-traffic.ts), tick by tick, in the simulators' own records. */
describe('the guard-room traffic', () => {
  let sims: TrafficSimulators;

  beforeAll(async () => {
    sims = { zkbio: await startZkbioSimulator({ token: 'traffic-token' }), hongtu: await startHongtuSimulator(), k30: await startK30Simulator() };
  });

  afterAll(async () => {
    await Promise.all([sims.zkbio.close(), sims.hongtu.close(), sims.k30.close()]);
  });

  it('makes one event at each backend per tick: passes of the demo people, strangers, a refused card and the alarms of the vendor documents', () => {
    const zkBefore = sims.zkbio.events.all().length;
    const made = Array.from({ length: 60 }, (_, n) => trafficTick(sims, ['G1001'], n));
    expect(made.every((kinds) => kinds.length === 3)).toBe(true);
    expect(made[1]).toContain('alarm');
    const all = made.flat();
    for (const kind of ['pass', 'stranger', 'denied', 'alarm'] as const) expect(all).toContain(kind);

    const zk = sims.zkbio.events.all().slice(zkBefore);
    expect(zk).toHaveLength(60);
    expect(zk.some((t) => t.pin === 'G1001')).toBe(true);
    expect(zk.some((t) => t.eventLevel === 2 && t.eventName === 'Duress Password Open')).toBe(true);
    expect(zk.some((t) => t.eventName === 'card is not registered')).toBe(true);
    expect(sims.hongtu.records.all().filter((r) => r.recognitionType === 4).length).toBeGreaterThan(0);
    const k30Modes = sims.k30.state.records.map((r) => r.mode);
    expect(k30Modes).toContain(16);
    expect(k30Modes).toContain(12);
    expect(sims.k30.state.records.some((r) => r.group === 1)).toBe(true);
  });
});
