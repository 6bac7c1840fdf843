import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';
import { startHongtuSimulator } from '../../../simulators/hongtu/server.ts';
import type { HongtuSimulator } from '../../../simulators/hongtu/server.ts';
import { makePng } from '../../../simulators/zkbio/image-fixtures.ts';
import { callHongtu, envelope, startPushReceiver } from './hongtu-http.ts';
import type { Envelope, PushReceiver } from './hongtu-http.ts';

type Page = { pageNum: number; pageSize: number; total: number; list: Record<string, unknown>[] };
type Batch = { successes: Record<string, unknown>[]; failures: Record<string, unknown>[] };

describe('Hongtu pass flow and pushes', () => {
  let sim: HongtuSimulator;
  let receiver: PushReceiver;
  const post = async (path: string, body: unknown = {}): Promise<Envelope> => envelope(await callHongtu(sim.url, 'POST', path, { body }));
  const data = async <T>(path: string, body: unknown = {}): Promise<T> => {
    const reply = await post(path, body);
    expect({ path, code: reply.code, msg: reply.msg }).toEqual({ path, code: 0, msg: '成功' });
    return reply.data as T;
  };
  const pushesOf = (id: string) => receiver.received.filter((push) => (push.body['data'] as Record<string, unknown>)['id'] === id);

  beforeAll(async () => {
    receiver = await startPushReceiver();
    sim = await startHongtuSimulator({ push: { backoffMs: [20, 40, 80], timeoutMs: 2000 } });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  afterEach(async () => {
    sim.faults.clear();
    receiver.statuses = [];
    await sim.pushes.idle();
  });

  it('runs the installer’s pass flow: discover → import → bind → door → group → person → schedule → authority → open → record, listed and pushed', async () => {
    expect(await data('/v1/api/pubsub/busi/record/add', { pushUrl: receiver.url, busiTypes: [5] })).toBe('OK');
    expect(await data('/v1/api/pubsub/busi/record/query')).toEqual({ appKey: 'appkey1', pushUrl: receiver.url, busiTypes: [5] });

    // 4b: panels report themselves; import one by its snCode.
    const discovered = await data<Page>('/v1/api/device/queryReportDevice', { deviceType: 2 });
    expect(discovered.total).toBe(2);
    const panel = discovered.list.find((item) => item['snCode'] === SEED_IDS.panelASn)!;
    expect(panel).toMatchObject({ deviceType: 2, discoveryMethod: 1, uuid: SEED_IDS.panelA });
    const panelImport = { name: '1号门面板机', location: '1号门', deviceType: 2, deviceModel: 40, deviceMode: 1, snCode: SEED_IDS.panelASn, discoveryMethod: 1 };
    expect((await post('/v1/api/device/importDevice', { ...panelImport, deviceModel: 23 })).code).toBe(103005);
    expect(await data('/v1/api/device/importDevice', panelImport)).toBe('OK');
    expect((await post('/v1/api/device/importDevice', panelImport)).code).toBe(103005);
    expect((await data<Page>('/v1/api/device/queryReportDevice')).total).toBe(1);
    expect((await data<Page>('/v1/api/device/list', { deviceType: 2 })).list).toEqual([expect.objectContaining({ uuid: SEED_IDS.panelA, name: '1号门面板机', status: 3 })]);

    // 5: bind is the full set.
    expect(await data('/v1/api/device/bind', { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.camera, SEED_IDS.panelA] })).toBe('OK');
    expect(((await data<Record<string, unknown>>('/v1/api/device/query', { uuid: SEED_IDS.edgeServer }))['bindDevices'] as unknown[]).length).toBe(2);
    await data('/v1/api/device/bind', { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.panelA] });
    expect(await data('/v1/api/device/query', { uuid: SEED_IDS.camera })).not.toHaveProperty('bindAiServer');
    await data('/v1/api/device/bind', { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.panelA, SEED_IDS.camera] });
    expect(await data('/v1/api/device/query', { uuid: SEED_IDS.camera })).toMatchObject({ bindAiServer: { uuid: SEED_IDS.edgeServer, deviceType: 3 } });
    expect((await post('/v1/api/device/bind', { uuid: SEED_IDS.camera, deviceUuids: [] })).code).toBe(103005);

    // 6: access-control point.
    const candidates = await data<Page>('/v1/api/door/list', { passModel: true });
    expect(candidates.list.map((item) => [item['uuid'], item['isPass']]).sort()).toEqual([[SEED_IDS.panelA, 0], [SEED_IDS.camera, 0]].sort());
    expect(await data('/v1/api/door/add', { addDeviceUuids: [SEED_IDS.panelA], removeDeviceUuids: [] })).toBe('OK');
    expect((await data<Page>('/v1/api/door/list', { passModel: false })).list).toEqual([expect.objectContaining({ uuid: SEED_IDS.panelA, isPass: 1, deviceModel: 40 })]);

    // 1–2: a group, a face, a person in the group.
    const groups = await data<Batch>('/v1/api/pass/group/batchAdd', { groupList: [{ name: '钢筋班组', type: 1 }] });
    const groupUuid = groups.successes[0]!['uuid'] as string;
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(makePng(320, 320))], { type: 'image/png' }), 'face.png');
    const upload = await envelope(await callHongtu(sim.url, 'POST', '/v1/api/person/uploadImage', { form }));
    const imageUri = (upload.data as { uri: string }).uri;
    const people = await data<Batch>('/v1/api/person/batchAdd', { personList: [{ name: '陈工', type: 1, code: 'E3001', phone: '13700000001', imageUri, groupList: [groupUuid] }] });
    const personUuid = people.successes[0]!['uuid'] as string;
    expect(await data('/v1/api/pass/group/query', { uuid: groupUuid })).toEqual({ uuid: groupUuid, name: '钢筋班组', type: 1, personTotal: 1 });

    // 7–8: the schedule comes from the schedule list; grant the group the door.
    await data('/v1/api/pass/schedule/addBatch', { scheduleList: [{ name: '白班', type: 1, workDay: [{ week: 1, during: [{ from: '08:00', to: '18:00' }] }] }] });
    const schedules = await data<Page>('/v1/api/pass/schedule/page', { type: 1, name: '全天' });
    const scheduleUuid = schedules.list[0]!['uuid'] as string;
    expect((await post('/v1/api/pass/authority/add', { deviceUuids: [SEED_IDS.camera], groupUuids: [groupUuid], scheduleUuid })).code).toBe(104045);
    expect(await data('/v1/api/pass/authority/add', { deviceUuids: [SEED_IDS.panelA], groupUuids: [groupUuid], scheduleUuid })).toBe('OK');
    expect((await data<Page>('/v1/api/pass/authority/list')).list).toEqual([
      { deviceUuid: SEED_IDS.panelA, deviceName: '1号门面板机', groups: [{ groupUuid, groupName: '钢筋班组' }], scheduleUuid, scheduleName: '全天' },
    ]);

    // 9–10: open the door remotely; the record is listed and pushed.
    expect(await data('/v1/api/door/openDoor', { uuid: SEED_IDS.panelA })).toBe('OK');
    const records = await data<Page>('/v1/api/pass_record/list', { deviceUuids: [SEED_IDS.panelA] });
    expect(records.total).toBe(1);
    const listed = records.list[0]!;
    expect(listed).toMatchObject({ deviceUuid: SEED_IDS.panelA, deviceName: '1号门面板机', verificationMode: 4, verificationModeDesc: '远程开门', passType: 1, passTypeDesc: '通行' });
    expect(listed).not.toHaveProperty('personUuid');
    await receiver.waitFor(1);
    const push = pushesOf(listed['uuid'] as string)[0]!;
    expect(push.method).toBe('POST');
    expect(push.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(push.body['busiType']).toBe(5);
    expect(push.body['data']).toMatchObject({
      recordType: 1,
      id: listed['uuid'],
      deviceUuid: SEED_IDS.panelA,
      deviceName: '1号门面板机',
      deviceType: 2,
      deviceStatus: 3,
      verificationMode: 4,
      passType: 1,
      passTimestamp: listed['passTimestamp'],
      passTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
      passTimeFormat: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    await sim.pushes.idle();
    expect(sim.pushAttempts(listed['uuid'] as string)).toEqual([expect.objectContaining({ attempt: 1, status: 200, delivered: true, url: receiver.url })]);

    // A walk-through: the person in the granted group passes, others do not.
    const passed = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA, personUuid });
    const refused = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA, personUuid: SEED_IDS.liSi });
    const stranger = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA });
    expect([passed.passType, refused.passType, stranger.passType]).toEqual([1, 0, 0]);
    expect([passed.recognitionType, refused.recognitionType, stranger.recognitionType]).toEqual([1, 1, 4]);
    await receiver.waitFor(4);
    expect(pushesOf(passed.id)[0]!.body['data']).toMatchObject({
      personUuid,
      personName: '陈工',
      personCode: 'E3001',
      personPhone: '13700000001',
      personType: 1,
      personId: expect.any(Number),
      recognitionType: 1,
      recognitionTypeDesc: '员工',
      verificationMode: 0,
      passType: 1,
      personImageUrl: expect.stringContaining(`/pub/${imageUri}?timestamp=`),
    });
    const mine = await data<Page>('/v1/api/pass_record/list', { personName: '陈', passType: 1 });
    expect(mine.list.map((item) => item['uuid'])).toEqual([passed.id]);
  });

  it('refuses what openDoor cannot do: not a door 104045, an unbound camera 103002, an offline panel 100011', async () => {
    expect((await post('/v1/api/door/openDoor', { uuid: SEED_IDS.edgeServer })).code).toBe(104045);
    const camera = await startHongtuSimulator();
    try {
      const call = (path: string, body: unknown) => callHongtu(camera.url, 'POST', path, { body }).then(envelope);
      expect((await call('/v1/api/door/add', { addDeviceUuids: [SEED_IDS.camera], removeDeviceUuids: [] })).code).toBe(103002);
      await call('/v1/api/device/bind', { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.camera] });
      expect((await call('/v1/api/door/add', { addDeviceUuids: [SEED_IDS.camera], removeDeviceUuids: [] })).code).toBe(0);
      expect((await call('/v1/api/device/unbind', { uuid: SEED_IDS.edgeServer, unBindDeviceUuid: SEED_IDS.camera })).code).toBe(0);
      expect((await call('/v1/api/door/openDoor', { uuid: SEED_IDS.camera })).code).toBe(103002);
      await call('/v1/api/device/bind', { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.camera] });
      camera.state.devices.get(SEED_IDS.camera)!.online = false;
      expect(await call('/v1/api/door/openDoor', { uuid: SEED_IDS.camera })).toEqual({ code: 100011, msg: 'AIOT Exception: 设备离线', data: null });
    } finally {
      await camera.close();
    }
  });

  it('suppresses door events on demand: the open succeeds, nothing is recorded or pushed', async () => {
    const before = sim.records.all().length;
    const pushed = receiver.received.length;
    sim.faults.suppressDoorEvents({ count: 1 });
    expect(await data('/v1/api/door/openDoor', { uuid: SEED_IDS.panelA })).toBe('OK');
    await sim.pushes.idle();
    expect(sim.records.all().length).toBe(before);
    expect(receiver.received.length).toBe(pushed);
    expect(sim.openDoor(SEED_IDS.panelA)).toMatchObject({ verificationMode: 4, passType: 1 });
  });

  it('pushes a record twice under the duplicate fault, with the same id', async () => {
    sim.faults.duplicatePushes({ count: 1 });
    const record = sim.openDoor(SEED_IDS.panelA)!;
    await sim.pushes.idle();
    const copies = pushesOf(record.id);
    expect(copies).toHaveLength(2);
    expect(copies[0]!.body).toEqual(copies[1]!.body);
    expect(sim.pushAttempts(record.id).map((attempt) => attempt.copy).sort()).toEqual([1, 2]);
  });

  it('retries a receiver that fails, with backoff, and logs every attempt', async () => {
    receiver.statuses = [500, 503];
    const record = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA });
    await sim.pushes.idle();
    expect(pushesOf(record.id)).toHaveLength(3);
    const attempts = sim.pushAttempts(record.id);
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.delivered])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(attempts[2]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(55);
  });

  it('fails, drops and delays pushes on demand', async () => {
    sim.faults.failPushes({ count: 4 });
    const failed = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA });
    await sim.pushes.idle();
    expect(pushesOf(failed.id)).toHaveLength(0);
    expect(sim.pushAttempts(failed.id).map((attempt) => attempt.injected)).toEqual(['fail', 'fail', 'fail', 'fail']);
    expect(sim.pushes.deliveredIds().has(failed.id)).toBe(false);

    sim.faults.dropPushes({ count: 1 });
    const dropped = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA });
    await sim.pushes.idle();
    expect(pushesOf(dropped.id)).toHaveLength(0);
    expect(sim.pushAttempts(dropped.id)).toEqual([expect.objectContaining({ injected: 'drop', delivered: false })]);
    expect((await data<Page>('/v1/api/pass_record/list')).list.map((item) => item['uuid'])).toContain(dropped.id);

    sim.faults.delayPushes(120, { count: 1 });
    const started = Date.now();
    const delayed = sim.emitPassRecord({ deviceUuid: SEED_IDS.panelA });
    await sim.pushes.idle();
    expect(sim.pushAttempts(delayed.id)[0]!.at - started).toBeGreaterThanOrEqual(110);
    expect(pushesOf(delayed.id)).toHaveLength(1);
  });

  it('bursts many records with unique ids at a receiver, also over the admin route', async () => {
    const before = receiver.received.length;
    const burst = await sim.pushBurst(300, 5000, { deviceUuid: SEED_IDS.panelA });
    await sim.pushes.idle();
    expect(new Set(burst.map((record) => record.id)).size).toBe(300);
    expect(receiver.received.length - before).toBe(300);
    expect(burst.every((record) => sim.pushes.deliveredIds().has(record.id))).toBe(true);

    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${sim.url}${path}`, { method, headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    expect(await (await admin('POST', '/__sim/push-burst', { count: 50, ratePerSecond: 1000 })).json()).toEqual({ count: 50 });
    await receiver.waitFor(before + 350);
    const pushes = (await (await admin('GET', '/__sim/pushes?limit=5')).json()) as { stats: { delivered: number }; log: unknown[] };
    expect(pushes.log).toHaveLength(5);
    expect(pushes.stats.delivered).toBeGreaterThanOrEqual(350);
  });

  it('keeps one subscription per appKey, refuses non-loopback URLs and other business types', async () => {
    const reply = await post('/v1/api/pubsub/busi/record/add', { pushUrl: 'http://192.0.2.1/push', busiTypes: [5] });
    expect(reply).toMatchObject({ code: 100003, data: null });
    expect((await post('/v1/api/pubsub/busi/record/add', { pushUrl: receiver.url, busiTypes: [4] })).code).toBe(100003);
    expect((await post('/v1/api/pubsub/busi/record/add', { pushUrl: receiver.url, busiTypes: [5], appKey: 'nobody' })).code).toBe(100003);
    expect(await data('/v1/api/pubsub/busi/record/add', { appKey: 'appkey2', pushUrl: `${receiver.url}?site=2`, busiTypes: [5] })).toBe('OK');
    expect(await data('/v1/api/pubsub/busi/record/query', { appKey: 'appkey2' })).toMatchObject({ appKey: 'appkey2', pushUrl: `${receiver.url}?site=2` });
    expect(await data('/v1/api/pubsub/busi/record/unbind', { appKey: 'appkey2' })).toBe('OK');
    expect(await data('/v1/api/pubsub/busi/record/query', { appKey: 'appkey2' })).toBeNull();
  });

  it('can send busiType and the scores as strings, as the document’s table and sample do', async () => {
    const local = await startPushReceiver();
    const strings = await startHongtuSimulator({ pushFormat: { busiType: 'string', scores: 'string' } });
    try {
      await callHongtu(strings.url, 'POST', '/v1/api/pubsub/busi/record/add', { body: { pushUrl: local.url, busiTypes: [5] } });
      strings.emitPassRecord({ deviceUuid: SEED_IDS.camera, personUuid: SEED_IDS.zhangSan });
      await local.waitFor(1);
      expect(local.received[0]!.body).toMatchObject({ busiType: '5', data: { recognitionScore: '92.5', livenessScore: '88.0', personName: '张三' } });
    } finally {
      await strings.close();
      await local.close();
    }
  });
});
