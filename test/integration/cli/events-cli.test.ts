import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core.ts';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { HistoryEvent } from '../../../shared/contract/history.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function event(eventId: string, occurredAt: string, more: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId, occurredAt, kind: 'pass', doorId: 'd1', doorName: 'Gate 1', deviceSerial: null, readerName: null,
    personPin: '1001', personName: 'Zhang San', verifyMode: 'Face', description: 'Normal Verify Open', photoUrl: null, ...more,
  };
}

/** A data folder with a site in Asia/Shanghai (the current one) and a backend's events around midnight. */
async function seeded(): Promise<string> {
  const dataDir = tempDir();
  const core = createCore({ dataDir, runtime: 'node' });
  const site = core.sites.create('Block 3', 'Asia/Shanghai');
  core.sites.select(site.id);
  const backendId = new BackendsTable(core.db).insert({ siteId: site.id, vendor: 'hongtu', name: 'Main server', baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, new Date().toISOString()).backend.id;
  core.events.add(backendId, 'push', [
    event('ht:1', '2026-03-01T15:59:00Z'), // 23:59 on the 1st in Shanghai
    event('ht:2', '2026-03-01T16:01:00Z', { doorId: 'd2', doorName: 'Gate 2' }), // 00:01 on the 2nd
    event('ht:3', '2026-03-02T02:00:00Z', { kind: 'denied', personPin: '2002', personName: 'Li Si', description: 'Refused', photoUrl: 'http://10.0.0.9/p/3.jpg' }), // 10:00
  ].map((e) => ({ event: e })));
  await core.close();
  return dataDir;
}

describe('events list (issue 15 item 6)', () => {
  it('lists a day of the current site in its zone, filters by door, result and person, and exports CSV and XLSX', async () => {
    const dir = ['--data-dir', await seeded()];
    const env = { TZ: 'UTC' };
    const day = runCliProcess(['events', 'list', '--from', '2026-03-02', '--to', '2026-03-02', '--json', ...dir], env);
    expect(day.code, day.stderr).toBe(0);
    const listed = JSON.parse(day.stdout) as { timeZone: string; events: HistoryEvent[] };
    expect(listed.timeZone).toBe('Asia/Shanghai');
    expect(listed.events.map((e) => e.event.eventId)).toEqual(['ht:3', 'ht:2']);

    const text = runCliProcess(['events', 'list', '--from', '2026-03-02', '--to', '2026-03-02', ...dir], env);
    expect(text.stdout.split('\n')[0]).toMatch(/10:00:00.*Main server.*Gate 1.*2002 Li Si.*Refused/);

    const ids = (args: string[]) => (JSON.parse(runCliProcess(['events', 'list', '--from', '2026-03-01 20:00', '--to', '2026-03-02', '--json', ...args, ...dir], env).stdout) as { events: HistoryEvent[] }).events.map((e) => e.event.eventId);
    expect(ids([])).toEqual(['ht:3', 'ht:2', 'ht:1']);
    expect(ids(['--door', 'd2'])).toEqual(['ht:2']);
    expect(ids(['--result', 'denied'])).toEqual(['ht:3']);
    expect(ids(['--person', 'zhang'])).toEqual(['ht:2', 'ht:1']);

    const csvFile = join(tempDir(), 'events.csv');
    const csv = runCliProcess(['events', 'list', '--from', '2026-03-02', '--to', '2026-03-02', '--export', csvFile, ...dir], env);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toContain('2 events exported');
    const rows = parse(readFileSync(csvFile, 'utf8'), { bom: true }) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['Time', '2026-03-02 10:00:00', '2026-03-02 00:01:00']);
    expect(rows[1]).toContain('http://10.0.0.9/p/3.jpg');

    const xlsxFile = join(tempDir(), 'events.xlsx');
    const zh = runCliProcess(['events', 'list', '--from', '2026-03-02', '--to', '2026-03-02', '--export', xlsxFile, '--lang', 'zh-CN', ...dir], env);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('已导出 2 条事件');
    expect(readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');

    const bad = runCliProcess(['events', 'list', '--from', 'yesterday', '--to', '2026-03-02', ...dir], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from');
    const badKind = runCliProcess(['events', 'list', '--from', '2026-03-02', '--to', '2026-03-02', '--result', 'ok', ...dir], env);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('pass | denied');
  });
});
