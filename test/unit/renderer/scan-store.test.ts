import { describe, expect, it } from 'vitest';
import type { ScanFinding, ScanRecord } from '../../../shared/contract/scan.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createScanStore } from '../../../renderer/src/stores/scan.ts';
import { ScriptedCore } from './support/scripted-core.ts';

const AT = '2026-03-04T05:06:07.000Z';
const SUBNETS = [
  { interface: 'eth0', address: '192.168.1.23', cidr: '192.168.1.0/24', addresses: 254, internal: false },
  { interface: 'lo', address: '127.0.0.1', cidr: '127.0.0.0/8', addresses: 16_777_214, internal: true },
];
const SUMMARY = { addressesTotal: 2, addressesDone: 2, hostsAnswered: 2, hostsFound: 1, ports: [8098], durationMs: 12, cancelled: false, byKind: { zkbio: 1 } };

function finding(address: string): ScanFinding {
  return { address, rttMs: 1.5, openPorts: [8098], kind: 'zkbio', confidence: 0.9, services: [] };
}

function record(id: number, state: ScanRecord['state'] = 'done'): ScanRecord {
  return { id, siteId: 1, targets: ['10.0.0.1-2'], exclude: [], state, startedAt: AT, finishedAt: state === 'running' ? null : AT, summary: state === 'running' ? null : SUMMARY };
}

function setup(suggestion?: { targets: string; tickLan: boolean }) {
  const scans: ScanRecord[] = [];
  const core = new ScriptedCore()
    .answer('scan.interfaces', { subnets: SUBNETS, ...(suggestion ? { suggestion } : {}) })
    .on('scan.list', () => ({ ok: true, output: { scans } }))
    .answer('scan.hosts', { hosts: [{ ...finding('10.0.0.2'), firstSeen: AT, lastSeen: AT, lastScanId: 7 }] })
    .answer('scan.cancel', { cancelled: true });
  const store = createScanStore(new ApiClient(core));
  const stop = store.getState().watch();
  return { core, store, scans, stop };
}

describe('scan store', () => {
  it('starts with the core’s suggestion: the demo’s simulators typed in and no LAN subnet ticked', async () => {
    const { store } = setup({ targets: '127.0.0.2 127.0.0.3', tickLan: false });
    await store.getState().load(1);
    expect(store.getState().ticked).toEqual([]);
    expect(store.getState().form.targets).toBe('127.0.0.2 127.0.0.3');
  });

  it('ticks the non-internal subnets and loads the site’s scans and hosts', async () => {
    const { store, scans } = setup();
    scans.push(record(3));
    await store.getState().load(1);
    const state = store.getState();
    expect(state.ticked).toEqual(['192.168.1.0/24']);
    expect(state.scans.map((s) => s.id)).toEqual([3]);
    expect(Object.keys(state.hosts)).toEqual(['10.0.0.2']);
  });

  it('follows its scan: events that beat the reply are replayed, others’ scans ignored, the end reloads the history', async () => {
    const { core, store, scans } = setup();
    await store.getState().load(1);
    core.on('scan.start', () => {
      // The core may push the first finding before its reply arrives.
      core.emit('scan.finding', { scanId: 7, finding: finding('10.0.0.2') });
      return { ok: true, output: { scanId: 7, addressesTotal: 2 } };
    });
    expect(await store.getState().start({ targets: ['10.0.0.1-2'], ports: [8098] })).toBe(true);
    expect(core.callsOf('scan.start')[0]).toMatchObject({ siteId: 1, targets: ['10.0.0.1-2'], allowLarge: false });
    expect(store.getState().results?.findings.map((f) => f.address)).toEqual(['10.0.0.2']);

    core.emit('scan.progress', { scanId: 8, addressesDone: 99, addressesTotal: 99, hostsFound: 9 });
    core.emit('scan.progress', { scanId: 7, addressesDone: 1, addressesTotal: 2, hostsFound: 1 });
    expect(store.getState().run?.progress).toEqual({ done: 1, total: 2, found: 1 });

    scans.unshift(record(7));
    core.emit('scan.finished', { scanId: 7, state: 'done', summary: SUMMARY });
    expect(store.getState().run).toMatchObject({ state: 'done', progress: { done: 2, total: 2, found: 1 } });
    await expect.poll(() => store.getState().scans.map((s) => s.id)).toEqual([7]);
  });

  it('cancels its running scan', async () => {
    const { core, store } = setup();
    await store.getState().load(1);
    core.answer('scan.start', { scanId: 7, addressesTotal: 254 });
    await store.getState().start({ targets: ['10.0.0.0/24'] });
    await store.getState().cancel();
    expect(core.callsOf('scan.cancel')).toEqual([{ scanId: 7 }]);
    core.emit('scan.finished', { scanId: 7, state: 'cancelled', summary: { ...SUMMARY, addressesTotal: 254, addressesDone: 30, cancelled: true } });
    expect(store.getState().run).toMatchObject({ state: 'cancelled', progress: { done: 30, total: 254 } });
    await store.getState().cancel();
    expect(core.callsOf('scan.cancel')).toHaveLength(1);
  });

  it('asks before a large scan and starts it only when confirmed', async () => {
    const { core, store } = setup();
    await store.getState().load(1);
    core.on('scan.start', (input) =>
      input['allowLarge'] === true
        ? { ok: true, output: { scanId: 9, addressesTotal: 65_534 } }
        : { ok: false, error: { code: 'scan_too_large', message: 'large', details: { count: 65_534, limit: 4096, hard: false } } },
    );
    expect(await store.getState().start({ targets: ['10.0.0.0/16'] })).toBe(false);
    expect(store.getState().large?.count).toBe(65_534);
    store.getState().dismissLarge();
    expect(store.getState().large).toBeNull();
    expect(store.getState().run).toBeNull();

    await store.getState().start({ targets: ['10.0.0.0/16'] });
    expect(await store.getState().confirmLarge()).toBe(true);
    expect(core.callsOf('scan.start').map((c) => c['allowLarge'])).toEqual([false, false, true]);
    expect(store.getState().run?.scanId).toBe(9);
  });

  it('puts a refused target on its field and a hard limit on the form', async () => {
    const { core, store } = setup();
    await store.getState().load(1);
    core.on('scan.start', () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'bad', details: { issues: [{ path: ['targets', 1], code: 'custom', message: 'scan_target' }] } },
    }));
    await store.getState().start({ targets: ['10.0.0.1', 'gate'] });
    expect(store.getState().fieldErrors.targets).toEqual({ key: 'validation.scan_target', items: ['gate'] });
    store.getState().setForm({ targets: '10.0.0.1' });
    expect(store.getState().fieldErrors.targets).toBeUndefined();

    core.on('scan.start', () => ({ ok: false, error: { code: 'scan_too_large', message: 'huge', details: { count: 16_777_214, limit: 65_536, hard: true } } }));
    await store.getState().start({ targets: ['10.0.0.0/8'] });
    expect(store.getState().large).toBeNull();
    expect(store.getState().error).toMatchObject({ action: 'start', body: { code: 'scan_too_large' } });
  });

  it('catches up on a scan that ran on while the page was away', async () => {
    const { core, store, stop } = setup();
    await store.getState().load(1);
    core.answer('scan.start', { scanId: 7, addressesTotal: 2 });
    await store.getState().start({ targets: ['10.0.0.1-2'] });
    stop();
    core.answer('scan.results', { scan: record(7), findings: [finding('10.0.0.2')] });
    await store.getState().load(1);
    expect(store.getState().run).toMatchObject({ state: 'done', progress: { done: 2, total: 2, found: 1 } });
    expect(store.getState().results?.findings).toHaveLength(1);
  });

  it('opens an earlier scan and compares two', async () => {
    const { core, store } = setup();
    await store.getState().load(1);
    core.answer('scan.results', { scan: record(3), findings: [finding('10.0.0.2')] });
    core.answer('scan.diff', { added: [], removed: [finding('10.0.0.3')], changed: [], unchanged: 1 });
    await store.getState().open(3);
    expect(store.getState().results).toMatchObject({ scanId: 3, loading: false });
    await store.getState().compare(3, 4);
    expect(store.getState().comparison?.diff.removed[0]?.address).toBe('10.0.0.3');
  });
});
