import { describe, expect, it } from 'vitest';
import type { AccessEvent, Alarm } from '../../../shared/contract/index.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** A store with one open alarm: three denials at one door within two minutes (the rule's default). */
async function storeWithAlarm(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, runtime: 'node' });
  const siteId = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })).id;
  await call(core, 'sites.select', { id: siteId });
  const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 't' } })).id;
  const t0 = Date.now() - 60_000;
  const events: AccessEvent[] = [0, 1, 2].map((i) => ({
    eventId: `zk:${i}`, occurredAt: new Date(t0 + i * 10_000).toISOString(), kind: 'denied', doorId: 'd1', doorName: 'North gate', deviceSerial: null,
    readerName: null, personPin: null, personName: null, verifyMode: 'Card', description: 'card is not registered', photoUrl: null,
  }));
  const { added } = core.events.add(backendId, 'poll', events.map((event) => ({ event })));
  core.bus.emit('events.received', { backendId, events: added });
  await core.alarms.idle();
  await core.close();
}

describe('alarms list|ack from the CLI (issue 15 item 6)', () => {
  it('lists the open alarm, acknowledges it as the named guard with a note, and lists it acknowledged', async () => {
    const dataDir = tempDir();
    await storeWithAlarm(dataDir);
    const dir = ['--data-dir', dataDir];

    const open = runCliProcess(['alarms', 'list', '--open', ...dir]);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toContain('#1');
    expect(open.stdout).toContain('Repeated denials');
    expect(open.stdout).toContain('North gate');
    expect(open.stdout).toContain('OPEN');

    const acked = runCliProcess(['alarms', 'ack', '1', '--note', 'Card reader checked', '--as', 'Li Lei', ...dir]);
    expect(acked.code, acked.stderr).toBe(0);
    expect(acked.stdout).toContain('Alarm #1 acknowledged by Li Lei');

    expect(runCliProcess(['alarms', 'list', '--open', '--site', '1', ...dir]).stdout).toContain('No alarms.');
    const all = JSON.parse(runCliProcess(['alarms', 'list', '--json', '--site', '1', ...dir]).stdout) as { alarms: Alarm[] };
    expect(all.alarms[0]?.ack).toMatchObject({ by: 'Li Lei', note: 'Card reader checked' });
    const zh = runCliProcess(['alarms', 'list', '--lang', 'zh-CN', ...dir]);
    expect(zh.stdout).toContain('多次拒绝通行');
    expect(zh.stdout).toContain('由 Li Lei');

    const again = runCliProcess(['alarms', 'ack', '1', ...dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already acknowledged by Li Lei');
    expect(runCliProcess(['alarms', 'ack', 'x', ...dir]).code).toBe(2);
  });
});
