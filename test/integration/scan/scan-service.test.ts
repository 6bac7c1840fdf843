import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { startBannerHost, startWebHost, type TestHost } from '../../support/scan-hosts.ts';
import { startSimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/** Scans as a site's job through the API: events as they happen, kept per site, compared. */
const NET = '127.0.11';
const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

function startCore(): Core {
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => core.close());
  return core;
}

describe('scans per site', () => {
  it('streams progress and findings, stores them, tells first/last seen and what changed', async () => {
    const zk = await startSimProcess('zkbio', ['--host', `${NET}.2`, '--token', 'T']);
    cleanup.push(() => zk.stop());
    const panel: TestHost = await startWebHost(`${NET}.8`, 'Face Recognition Terminal');
    cleanup.push(() => panel.stop());
    const banner = await startBannerHost(`${NET}.9`, panel.port);
    let bannerUp = true;
    cleanup.push(() => (bannerUp ? banner.stop() : Promise.resolve()));
    const ports = [Number(new URL(zk.url).port), panel.port];

    const core = startCore();
    const site = await call(core, 'sites.create', { name: 'Gate 3' });
    const events: { event: string; payload: Record<string, unknown> }[] = [];
    core.bus.listen((event, payload) => events.push({ event, payload: payload as Record<string, unknown> }));

    const first = await call(core, 'scan.start', { siteId: site.id, targets: [`${NET}.1-20`], ports });
    expect(first.addressesTotal).toBe(20);
    await core.scans.finished(first.scanId);
    const finished = events.find((e) => e.event === 'scan.finished');
    expect(finished?.payload).toMatchObject({ scanId: first.scanId, state: 'done', summary: { hostsFound: 3, addressesDone: 20 } });
    expect(events.filter((e) => e.event === 'scan.finding').map((e) => (e.payload['finding'] as { address: string }).address).sort()).toEqual([`${NET}.2`, `${NET}.8`, `${NET}.9`]);
    expect(events.filter((e) => e.event === 'scan.progress').at(-1)?.payload).toMatchObject({ addressesDone: 20, addressesTotal: 20, hostsFound: 3 });

    const stored = await call(core, 'scan.results', { scanId: first.scanId });
    expect(stored.scan).toMatchObject({ siteId: site.id, state: 'done', targets: [`${NET}.1-20`] });
    expect(stored.findings.map((f) => [f.address, f.kind])).toEqual([[`${NET}.2`, 'zkbio'], [`${NET}.8`, 'face-panel'], [`${NET}.9`, 'unknown']]);

    // The banner host goes away; the second scan sees one host fewer.
    await banner.stop();
    bannerUp = false;
    const second = await call(core, 'scan.start', { siteId: site.id, targets: [`${NET}.1-20`], ports });
    await core.scans.finished(second.scanId);
    const diff = await call(core, 'scan.diff', { fromScanId: first.scanId, toScanId: second.scanId });
    expect(diff.removed.map((f) => f.address)).toEqual([`${NET}.9`]);
    expect(diff.added).toEqual([]);
    expect(diff.unchanged).toBe(2);

    const { scans } = await call(core, 'scan.list', { siteId: site.id });
    expect(scans.map((s) => s.id)).toEqual([second.scanId, first.scanId]);
    const { hosts } = await call(core, 'scan.hosts', { siteId: site.id });
    const zkHost = hosts.find((h) => h.address === `${NET}.2`);
    expect(zkHost).toMatchObject({ kind: 'zkbio', firstSeen: scans[1]?.startedAt, lastSeen: scans[0]?.startedAt, lastScanId: second.scanId });
    expect(hosts.find((h) => h.address === `${NET}.9`)).toMatchObject({ lastScanId: first.scanId, lastSeen: scans[1]?.startedAt });
  });

  it('cancels a running scan and keeps it as cancelled', async () => {
    const core = startCore();
    const site = await call(core, 'sites.create', { name: 'Slow' });
    const { scanId } = await call(core, 'scan.start', { siteId: site.id, targets: [`${NET}.0/24`], ports: [9], ratePerSecond: 20 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await call(core, 'scan.cancel', { scanId })).toEqual({ cancelled: true });
    const { scan } = await call(core, 'scan.results', { scanId });
    expect(scan.state).toBe('cancelled');
    expect(scan.summary?.cancelled).toBe(true);
    expect(await call(core, 'scan.cancel', { scanId })).toEqual({ cancelled: false });
  });

  it('refuses a large scan unless confirmed, bad targets by position, unknown sites and scans', async () => {
    const core = startCore();
    const site = await call(core, 'sites.create', { name: 'Big' });
    await expect(call(core, 'scan.start', { siteId: site.id, targets: ['10.0.0.0/16'] })).rejects.toMatchObject({ code: 'scan_too_large', details: { count: 65_534, limit: 4096, hard: false } });
    await expect(call(core, 'scan.start', { siteId: site.id, targets: ['10.0.0.1', 'nas'] })).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: ['targets', 1], message: 'scan_target' }] } });
    await expect(call(core, 'scan.start', { siteId: 999, targets: ['10.0.0.1'] })).rejects.toMatchObject({ code: 'site_not_found' });
    await expect(call(core, 'scan.results', { scanId: 12345 })).rejects.toBeInstanceOf(ApiError);
    // Nothing was recorded for the refused scans.
    expect((await call(core, 'scan.list', { siteId: site.id })).scans).toEqual([]);
  });
});
