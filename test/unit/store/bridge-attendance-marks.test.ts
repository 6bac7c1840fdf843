import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { BridgeAttendanceMarks } from '../../../electron/store/bridge-attendance-marks.ts';
import { BridgeConfigsTable } from '../../../electron/store/bridge-configs-table.ts';
import { BridgeDevicesTable } from '../../../electron/store/bridge-devices-table.ts';
import { openStore } from '../../../electron/store/database.ts';
import { EventsTable } from '../../../electron/store/events-table.ts';
import { migrations } from '../../../electron/store/migrations/index.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/** The attendance catch-up mark (migration 025): where a new bridge starts, which stored passes follow it, and how it moves. */
const tempDir = useTempDirs();
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const event = (id: string, kind = 'pass', doorId = 'D1'): AccessEvent => ({
  eventId: id,
  occurredAt: '2026-12-07 08:00:00',
  kind: kind as AccessEvent['kind'],
  doorId,
  doorName: null,
  deviceSerial: null,
  readerName: null,
  personPin: '1001',
  personName: null,
  verifyMode: null,
  description: '',
  photoUrl: null,
});

function open(path: string, steps = migrations): Database {
  const { db } = openStore(path, steps);
  opened.push(db);
  return db;
}

function base(db: Database): { events: EventsTable; addBridge: (at: string) => number } {
  new SitesTable(db).insert('Site', '2026-12-07T00:00:00.000Z', 'Asia/Shanghai');
  const backends = new BackendsTable(db);
  for (const name of ['A', 'B']) backends.insert({ siteId: 1, vendor: 'k30', name, baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, '2026-12-07T00:00:00.000Z');
  const addBridge = (at: string) =>
    new BridgeConfigsTable(db).insert({ siteId: 1, name: 'P', tcpHost: '127.0.0.1', tcpPort: 9000, httpsUrl: 'https://p.example', tls: { mode: 'verify' }, credentialsSealed: 's', settings: '{}', enabled: true }, at).id;
  return { events: new EventsTable(db), addBridge };
}

const store = (events: EventsTable, backendId: number, ids: string[], kind = 'pass', at = new Date('2026-12-07T01:00:00Z')) => events.add(backendId, 'poll', ids.map((id) => ({ event: event(id, kind) })), at);

describe('bridge attendance marks', () => {
  it('a new bridge starts at the newest stored event; only later passes at its backends follow, in stored order', () => {
    const db = open(join(tempDir(), 'doorman.db'));
    const { events, addBridge } = base(db);
    store(events, 1, ['old1', 'old2']);
    const bridgeId = addBridge('2026-12-07T02:00:00.000Z');
    new BridgeDevicesTable(db).insert(bridgeId, 'SN', [{ backendId: 1, doorId: 'D1' }], '2026-12-07T02:00:00.000Z');
    const marks = new BridgeAttendanceMarks(db);
    expect(marks.mark(bridgeId)).toBe(2);
    store(events, 1, ['p1']);
    store(events, 1, ['alarm'], 'alarm');
    store(events, 2, ['other-backend']);
    store(events, 1, ['p2', 'p3']);
    const newest = marks.newest();
    expect(marks.passesAfter(bridgeId, marks.mark(bridgeId), newest, 10).map((p) => p.event.eventId)).toEqual(['p1', 'p2', 'p3']);
    expect(marks.passesAfter(bridgeId, marks.mark(bridgeId), newest, 2).map((p) => [p.rowid, p.backendId])).toEqual([[3, 1], [6, 1]]);
    marks.atomically(() => marks.advance(bridgeId, 6, '2026-12-07T03:00:00.000Z'));
    expect(marks.passesAfter(bridgeId, marks.mark(bridgeId), newest, 10).map((p) => p.event.eventId)).toEqual(['p3']);
    // A bridge removed takes its mark with it.
    new BridgeConfigsTable(db).remove(bridgeId);
    expect(marks.mark(bridgeId)).toBe(0);
  });

  it('a bridge added before migration 025 starts at the newest event received before it was added', () => {
    const path = join(tempDir(), 'doorman.db');
    const db = open(path, migrations.slice(0, 23));
    const { events, addBridge } = base(db);
    store(events, 1, ['a', 'b'], 'pass', new Date('2026-12-07T01:00:00Z'));
    const bridgeId = addBridge('2026-12-07T02:00:00.000Z');
    store(events, 1, ['c'], 'pass', new Date('2026-12-07T03:00:00Z'));
    db.close();
    opened.splice(opened.indexOf(db), 1);
    const upgraded = open(path);
    expect(new BridgeAttendanceMarks(upgraded).mark(bridgeId)).toBe(2);
  });
});
