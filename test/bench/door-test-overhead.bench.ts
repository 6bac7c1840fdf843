import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { startSimProcess } from '../support/sim-process.ts';
import { elapsedMs, summarize, type BenchResult } from './stats.ts';

const OPENS = 200;

/**
 * What a door test adds above the backend: 200 remote-open tests per vendor against the simulators
 * (each in its own process), latency = command sent → the backend's own event seen. The simulators
 * record the event as they answer the command, so everything beyond the command's own round trip
 * is Doorman's (reading the event back). Goal: p95 latency ≤ 50 ms.
 */
export default async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-bench-doors-'));
  const zk = await startSimProcess('zkbio', ['--token', 'T']);
  const ht = await startSimProcess('hongtu');
  const core = createCore({ dataDir, runtime: 'node' });
  try {
    const site = await call(core, 'sites.create', { name: 'Bench' });
    const zkId = (await call(core, 'backends.add', { siteId: site.id, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: zk.token } })).id;
    const htId = (await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
    const zkDoor = (await call(core, 'backends.inventory', { id: zkId, refresh: true }))?.doors[0]?.id;
    // Hongtu's seed has no door until a discovered panel is imported, bound and added.
    const c = (endpoint: string, params: Record<string, unknown>) => call(core, 'backends.call', { id: htId, endpoint, params });
    const found = ((await c('device.queryReportDevice', { pageNum: 1, pageSize: 10 })).data as { list: { snCode: string; deviceModel?: number }[] }).list[0];
    if (!zkDoor || !found) throw new Error('no door to test');
    await c('device.importDevice', { snCode: found.snCode, name: 'Bench gate', location: 'B', deviceType: 2, deviceModel: found.deviceModel ?? 40, deviceMode: 1, discoveryMethod: 1 });
    const devices = ((await c('device.list', { pageNum: 1, pageSize: 50 })).data as { list: { uuid: string; name: string; deviceType: number }[] }).list;
    const gate = devices.find((d) => d.name === 'Bench gate');
    const edge = devices.find((d) => d.deviceType === 3);
    if (!gate || !edge) throw new Error('Hongtu gate not set up');
    await c('device.bind', { uuid: edge.uuid, deviceUuids: [gate.uuid] });
    await c('door.add', { addDeviceUuids: [gate.uuid], removeDeviceUuids: [] });

    const results: BenchResult[] = [];
    for (const [vendor, backendId, doorId, openCommand] of [
      ['zkbio', zkId, zkDoor, () => c2(zkId, 'door.remoteOpenById', { doorId: zkDoor, interval: 5 })],
      ['hongtu', htId, gate.uuid, () => c2(htId, 'door.openDoor', { uuid: gate.uuid })],
    ] as const) {
      const latencies: number[] = [];
      const verdicts = new Map<string, number>();
      for (let i = 0; i < OPENS; i++) {
        const r = await call(core, 'doorTests.run', { runId: randomUUID(), backendId, doorId, test: 'open', timeoutSeconds: 10 });
        verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
        if (r.latencyMs !== null) latencies.push(r.latencyMs);
      }
      const commands: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        const start = process.hrtime.bigint();
        await openCommand();
        commands.push(elapsedMs(start));
      }
      const latency = summarize(latencies);
      const command = summarize(commands);
      results.push({
        name: `doorTest.open.${vendor}`,
        opens: OPENS,
        verdicts: Object.fromEntries(verdicts),
        latency,
        commandRoundTrip: command,
        overheadP50Ms: Math.round((latency.p50Ms - command.p50Ms) * 10) / 10,
        overheadP95Ms: Math.round((latency.p95Ms - command.p95Ms) * 10) / 10,
        goal: { latencyP95Ms: 50 },
        met: latency.p95Ms <= 50,
      });
    }
    return results;

    function c2(id: number, endpoint: string, params: Record<string, unknown>) {
      return call(core, 'backends.call', { id, endpoint, params });
    }
  } finally {
    await core.close();
    await zk.stop();
    await ht.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
