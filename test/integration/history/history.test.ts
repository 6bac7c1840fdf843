import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function event(eventId: string, occurredAt: string, more: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId, occurredAt, kind: 'pass', doorId: 'd1', doorName: 'Gate 1', deviceSerial: 'SN1', readerName: null,
    personPin: '1001', personName: '张三', verifyMode: 'Face', description: 'Normal Verify Open', photoUrl: null, ...more,
  };
}

/** A core with one site in `timeZone` and two backends: one writes zone-less local times (as ZKBio), one UTC instants (as Hongtu). */
function siteWith(timeZone: string): { core: Core; siteId: number; local: number; utc: number } {
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  const now = new Date().toISOString();
  const site = core.sites.create('Block 3', timeZone);
  const table = new BackendsTable(core.db);
  const add = (vendor: 'zkbio' | 'hongtu', name: string) => table.insert({ siteId: site.id, vendor, name, baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, now).backend.id;
  return { core, siteId: site.id, local: add('zkbio', 'Lobby server'), utc: add('hongtu', 'Car park server') };
}

describe('the history (issue 15 item 5)', () => {
  it('searches a site’s events newest first across midnight in Asia/Shanghai, whatever zone each vendor writes, a page at a time', async () => {
    const { core, siteId, local, utc } = siteWith('Asia/Shanghai');
    core.events.add(local, 'poll', [
      event('zk:1', '2026-03-01 23:30:00'),
      event('zk:3', '2026-03-02 00:05:00', { doorId: 'd2', doorName: 'Gate 2' }),
      event('zk:5', '2026-03-02 08:00:00', { kind: 'denied', personPin: '2002', personName: '李四', description: 'Refused' }),
    ].map((e) => ({ event: e })));
    core.events.add(utc, 'push', [
      event('ht:2', '2026-03-01T16:10:00.000Z', { doorId: 'c1', doorName: 'Car gate', photoUrl: 'http://10.0.0.9/pic/2.jpg' }),
      event('ht:4', '2026-03-02T01:00:00+08:00', { doorId: 'c1', doorName: 'Car gate' }),
    ].map((e) => ({ event: e })));

    const all = await call(core, 'history.search', { siteId, from: '2026-03-02', to: '2026-03-02 23:59:59' });
    expect(all.events.map((e) => e.event.eventId)).toEqual(['zk:5', 'ht:4', 'ht:2', 'zk:3']);
    expect(all.events[0]).toMatchObject({ backendName: 'Lobby server', at: '2026-03-02T00:00:00.000Z' });
    expect(all.events[2]).toMatchObject({ backendName: 'Car park server', at: '2026-03-01T16:10:00.000Z' });
    expect(all.timeZone).toBe('Asia/Shanghai');

    // Keyset pages of two: the same events, none twice, then the end.
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const got = await call(core, 'history.search', { siteId, from: '2026-03-02', to: '2026-03-02 23:59:59', limit: 2, ...(before ? { before } : {}) });
      seen.push(...got.events.map((e) => e.event.eventId));
      if (!got.next) break;
      before = got.next;
    }
    expect(seen).toEqual(['zk:5', 'ht:4', 'ht:2', 'zk:3']);

    // Filters: kind, person by name part or number prefix, door, backend, text.
    const search = async (more: object) => (await call(core, 'history.search', { siteId, from: '2026-03-01', to: '2026-03-03', ...more })).events.map((e) => e.event.eventId);
    expect(await search({ kinds: ['denied'] })).toEqual(['zk:5']);
    expect(await search({ person: '李' })).toEqual(['zk:5']);
    expect(await search({ person: '20' })).toEqual(['zk:5']);
    expect(await search({ person: '0' })).toEqual([]);
    expect(await search({ doors: [{ backendId: utc, doorId: 'c1' }] })).toEqual(['ht:4', 'ht:2']);
    expect(await search({ backendIds: [local] })).toEqual(['zk:5', 'zk:3', 'zk:1']);
    expect(await search({ text: 'gate 2' })).toEqual(['zk:3']);
    expect(await search({ text: '%' })).toEqual([]);
    await expect(call(core, 'history.search', { siteId, from: '2026-03-03', to: '2026-03-01' })).rejects.toThrow(/before its start/);
    await expect(call(core, 'history.search', { siteId, from: '2026-03-01', to: '2026-03-03', before: 'garbage' })).rejects.toThrow(/cursor/);

    // The day view counts by the site's hours: 00:05 and 00:10 in hour 0, 01:00, 08:00.
    const day = await call(core, 'history.day', { siteId, date: '2026-03-02' });
    expect(day.total).toBe(4);
    expect(day.hours[0]).toBe(2);
    expect(day.hours[1]).toBe(1);
    expect(day.hours[8]).toBe(1);
    expect(day.kinds).toEqual({ pass: 3, denied: 1 });
    expect(day.doors.map((d) => [d.backendName, d.doorName, d.total])).toEqual([['Car park server', 'Car gate', 2], ['Lobby server', 'Gate 1', 1], ['Lobby server', 'Gate 2', 1]]);
    expect(day.doors[0]?.hours[0]).toBe(1);

    // The export: the same events, site times, photo links.
    const csv = await call(core, 'history.export', { siteId, from: '2026-03-02', to: '2026-03-02 23:59:59', format: 'csv' });
    expect(csv.rows).toBe(4);
    const rows = parse(Buffer.from(csv.base64, 'base64').toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 3)).toEqual(['Time', 'Backend', 'Door']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r.at(-1)])).toEqual([
      ['2026-03-02 08:00:00', 'Gate 1', 'zk:5'],
      ['2026-03-02 01:00:00', 'Car gate', 'ht:4'],
      ['2026-03-02 00:10:00', 'Car gate', 'ht:2'],
      ['2026-03-02 00:05:00', 'Gate 2', 'zk:3'],
    ]);
    expect(rows[3]).toContain('http://10.0.0.9/pic/2.jpg');

    const xlsx = await call(core, 'history.export', { siteId, from: '2026-03-02', to: '2026-03-02 23:59:59', format: 'xlsx', lang: 'zh-CN' });
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('时间');
    expect(sheet?.rowCount).toBe(5);
    expect(sheet?.getRow(2).getCell(1).value).toBe('2026-03-02 08:00:00');
    expect(JSON.stringify(sheet?.getRow(4).values)).toContain('http://10.0.0.9/pic/2.jpg');
    await core.close();
  });

  it('counts a day with a daylight-saving change in the site’s own hours (Europe/Berlin, 29 March 2026)', async () => {
    const { core, siteId, local, utc } = siteWith('Europe/Berlin');
    core.events.add(local, 'poll', [event('zk:a', '2026-03-29 01:30:00'), event('zk:b', '2026-03-29 03:30:00')].map((e) => ({ event: e })));
    // 00:30 on the 29th (UTC+1) and 00:30 on the 30th (UTC+2): one in the day, one not.
    core.events.add(utc, 'push', [event('ht:c', '2026-03-28T23:30:00Z'), event('ht:d', '2026-03-29T22:30:00Z')].map((e) => ({ event: e })));

    const found = await call(core, 'history.search', { siteId, from: '2026-03-29', to: '2026-03-29 23:59:59' });
    expect(found.events.map((e) => [e.event.eventId, e.at])).toEqual([
      ['zk:b', '2026-03-29T01:30:00.000Z'],
      ['zk:a', '2026-03-29T00:30:00.000Z'],
      ['ht:c', '2026-03-28T23:30:00.000Z'],
    ]);
    const day = await call(core, 'history.day', { siteId, date: '2026-03-29' });
    expect(day.total).toBe(3);
    expect([day.hours[0], day.hours[1], day.hours[2], day.hours[3]]).toEqual([1, 1, 0, 1]);
    await core.close();
  });
});
