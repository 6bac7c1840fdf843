import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HONGTU_PUSH_ACK, parseHongtuPush } from '../../../electron/drivers/hongtu/push.ts';
import { createLogger, logFilePath, silentLogger } from '../../../electron/log/logger.ts';
import { localAddressFacing } from '../../../electron/receivers/local-address.ts';
import { startPushReceiver, type PushReceiver } from '../../../electron/receivers/push-receiver.ts';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { openStore, type OpenedStore } from '../../../electron/store/database.ts';
import { EventsTable } from '../../../electron/store/events-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** The document's own sample `data` (hongtu.md §7.2), inside the busiType envelope. */
function samplePush(id = '313123', passTimestamp = 1621836519111) {
  return {
    busiType: 5,
    data: {
      deviceId: 1, deviceLocation: '未知', deviceName: '设备', deviceStatus: 3, deviceType: 1,
      deviceUuid: 'c27689ef42d446c686ee58b14249ce7f', highThreshold: 38.5, id,
      livenessScore: '88.0', livenessType: 1, passTime: '2021-05-24T14:13:10.298+08:00', passTimeFormat: '2021-05-24 14:08:39',
      passTimestamp, passType: 1, passTypeDesc: '未通行', personCode: '123123', personName: '张三', personType: 1,
      personUuid: '1fe6039e266049acb1221388980b7a14', recognitionScore: '89.0', recognitionType: 1, recordType: 1,
      snapshotUrl: 'http://10.122.101.181/pub/x.jpg', verificationMode: 1, verificationModeDesc: '人脸', visitPeronUuid: '259c090d4d5945e39b1eee835df5b768',
    },
  };
}

function post(url: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('push receiver with the Hongtu parser', () => {
  let store: OpenedStore;
  let events: EventsTable;
  let receiver: PushReceiver;
  let backendId: number;

  beforeEach(async () => {
    store = openStore(join(tempDir(), 'doorman.db'));
    const now = new Date().toISOString();
    const site = new SitesTable(store.db).insert('S', now);
    backendId = new BackendsTable(store.db).insert({ siteId: site.id, vendor: 'hongtu', name: 'h', baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, now).backend.id;
    events = new EventsTable(store.db);
    receiver = await startPushReceiver({
      host: '127.0.0.1',
      maxBodyBytes: 64 * 1024,
      bodies: ['json'],
      read: (payload) => ({ events: parseHongtuPush(payload), deviceResults: [], warnings: [] }),
      store: (incoming) => {
        const { added, refused } = events.add(backendId, 'push', incoming.events);
        return { added: added.length, refused };
      },
      acknowledgement: HONGTU_PUSH_ACK,
      log: silentLogger(),
    });
  });

  afterEach(async () => {
    await receiver.close();
    store.db.close();
  });

  it('stores the document’s sample push once, however often it is delivered', async () => {
    const first = await post(receiver.url, JSON.stringify(samplePush()));
    expect(first).toEqual({ status: 200, body: HONGTU_PUSH_ACK });
    expect((await post(receiver.url, JSON.stringify(samplePush()))).status).toBe(200);
    expect(events.count(backendId)).toBe(1);
    expect(receiver.stats).toMatchObject({ received: 2, stored: 1, duplicates: 1, rejected: 0 });
    const [event] = events.recent(backendId);
    expect(event).toMatchObject({ eventId: 'ht:313123', kind: 'pass', personPin: '123123', personName: '张三', doorId: 'c27689ef42d446c686ee58b14249ce7f', occurredAt: new Date(1621836519111).toISOString() });
  });

  it('accepts busiType as a string and numeric ids', async () => {
    expect((await post(receiver.url, JSON.stringify({ ...samplePush(), busiType: '5', data: { ...samplePush().data, id: 99 } }))).status).toBe(200);
    expect(events.count(backendId)).toBe(1);
  });

  it('refuses what is not a pass-record push with 4xx, and keeps serving', async () => {
    const cases: [string, string | Buffer, Record<string, string>, string, number][] = [
      ['wrong path', '{}', { 'content-type': 'application/json' }, 'POST', 404],
      ['GET', '', {}, 'GET', 405],
      ['not JSON content type', 'x=1', { 'content-type': 'application/x-www-form-urlencoded' }, 'POST', 415],
      ['not JSON', '{"busiType":5,"data":{', { 'content-type': 'application/json' }, 'POST', 400],
      ['no data', '{"busiType":5}', { 'content-type': 'application/json' }, 'POST', 400],
      ['no id', JSON.stringify({ busiType: 5, data: { passTimestamp: 1 } }), { 'content-type': 'application/json' }, 'POST', 400],
      ['no time', JSON.stringify({ busiType: 5, data: { id: 'x' } }), { 'content-type': 'application/json' }, 'POST', 400],
      ['other busiType', JSON.stringify({ ...samplePush(), busiType: 7 }), { 'content-type': 'application/json' }, 'POST', 422],
      ['array', '[]', { 'content-type': 'application/json' }, 'POST', 400],
      ['too large', Buffer.alloc(70 * 1024, 0x20), { 'content-type': 'application/json' }, 'POST', 413],
    ];
    for (const [name, body, headers, method, status] of cases) {
      const url = name === 'wrong path' ? receiver.url.replace(/push\/.*/, 'push/guess') : receiver.url;
      expect((await post(url, body, headers, method)).status, name).toBe(status);
    }
    expect(events.count(backendId)).toBe(0);
    expect(receiver.stats.rejected).toBe(cases.length);
    expect((await post(receiver.url, JSON.stringify(samplePush()))).status).toBe(200);
  });

  it('refuses a record nested 200,000 deep as a bad request (400) on every retry, and keeps serving', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const record = JSON.stringify(samplePush('deep')).replace('"passType":1', `"passType":1,"extra":${deep}`);
    // 400 KB: within the default body limit (1 MiB), so this receiver has it.
    const roomy = await startPushReceiver({
      host: '127.0.0.1',
      bodies: ['json'],
      read: (payload) => ({ events: parseHongtuPush(payload), deviceResults: [], warnings: [] }),
      store: (incoming) => {
        const { added, refused } = events.add(backendId, 'push', incoming.events);
        return { added: added.length, refused };
      },
      acknowledgement: HONGTU_PUSH_ACK,
      log: silentLogger(),
    });
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const answer = await post(roomy.url, record);
        expect(answer.status, `attempt ${attempt}`).toBe(400);
        expect(answer.body).toContain('nested deeper than 64 levels');
      }
      expect((await post(roomy.url, deep)).status).toBe(400);
      expect(events.count(backendId)).toBe(0);
      expect((await post(roomy.url, JSON.stringify(samplePush()))).status).toBe(200);
    } finally {
      await roomy.close();
    }
  });

  it('refuses times that are not real times instead of storing them as event times', async () => {
    const pushes: [string, ReturnType<typeof samplePush>][] = [
      ['not a time', { busiType: 5, data: { ...samplePush('t1').data, passTimestamp: undefined as unknown as number, passTime: 'not a time', passTimeFormat: 'x' } }],
      ['year −29719', samplePush('t2', -1_000_000_000_000_000)],
      ['February 30th', { busiType: 5, data: { ...samplePush('t3').data, passTimestamp: undefined as unknown as number, passTime: '2024-02-30T10:00:00+08:00' } }],
      ['year 9999', samplePush('t4', Date.UTC(9999, 0, 1))],
    ];
    for (const [name, push] of pushes) {
      const answer = await post(receiver.url, JSON.stringify(push));
      expect(answer.status, name).toBe(400);
      expect(answer.body, name).toMatch(/time/);
    }
    expect(events.count(backendId)).toBe(0);
    expect(receiver.stats).toMatchObject({ stored: 0, rejected: pushes.length });
  });

  it('has an unguessable path', () => {
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/push\/[A-Za-z0-9_-]{24}$/);
  });
});

describe('push receiver logs', () => {
  it('log a sender’s repeated rejections a few times, then one summary line with the count', async () => {
    const dataDir = tempDir();
    const log = createLogger(dataDir);
    // A window longer than the test can take, so the verdict does not depend on the clock.
    const receiver = await startPushReceiver({
      host: '127.0.0.1', bodies: ['json'],
      read: (payload) => ({ events: parseHongtuPush(payload), deviceResults: [], warnings: [] }), store: (incoming) => ({ added: incoming.events.length, refused: [] }),
      acknowledgement: HONGTU_PUSH_ACK, log, rejectionLog: { windowMs: 3_600_000, perWindow: 10 },
    });
    for (let i = 0; i < 300; i++) expect((await post(receiver.url, '{"busiType":5}')).status).toBe(400);
    await receiver.close();
    const lines = readFileSync(logFilePath(dataDir), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { msg: string; suppressed?: number });
    expect(lines.filter((l) => l.msg === 'push rejected')).toHaveLength(10);
    const summaries = lines.filter((l) => /more rejections from/.test(l.msg));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.msg).toMatch(/^290 more rejections from 127\.0\.0\.1 in the last \d+ s$/);
    expect(summaries[0]?.suppressed).toBe(290);
  });
});

describe('local address facing a backend', () => {
  it('is the loopback address for a loopback backend (found without sending anything)', async () => {
    expect(await localAddressFacing('127.0.0.3', 18082)).toMatch(/^127\./);
  });
});
