import type { BackendPerson, Capabilities, ConnectionTest, Device, Door, DoorMode } from '../../../shared/contract/backends.ts';
import type { BackendDriver, BulkOptions, BulkResult, EventCursor, EventPage, FaceCheck, PersonRecord, PersonRefs, PhotoInput, Signal, WatchOptions, Watcher } from '../../backends/backend.ts';
import { watchByPolling } from '../poll-loop.ts';
import { upsertOneByOne } from '../one-by-one.ts';
import { DriverError, readOrNull } from '../driver-error.ts';
import { probeConnection } from '../connection-probe.ts';
import { checkFace } from '../face-check.ts';
import { SeenCursor } from '../event-cursor.ts';
import { imageInfo } from '../../photos/image-info.ts';
import { photoBytes } from '../../photos/photo-bytes.ts';
import { fields, text } from '../record-fields.ts';
import { HongtuClient, type HongtuClientOptions } from './client.ts';
import { HONGTU_CLOCK_SKEW_ADVICE, isFaceQualityCode } from './errors.ts';
import { throwOnFailures } from './batch-result.ts';
import { doorsByGroup, toAccessEvent, toAccessLevel, toAlarmEvent, toDevice, toDoor } from './mapping.ts';
import { HongtuVisitors } from './visitors.ts';

const CAPABILITIES: Capabilities = {
  closeDoor: false,
  doorModes: [],
  faceCheck: false,
  bulkUpsert: true,
  realtimeEvents: 'push',
  visitors: true,
  doorState: 'online',
  notes: {
    visitors: {
      en: 'Hongtu registers a visitor as a person of type 2 (person/batchAdd) with the visit’s start and end and the host, who must be a person on this Hongtu; the face is sent too. Check-out ends the visit now (person/update).',
      'zh-CN': '鸿图将访客登记为类型 2 的人员（person/batchAdd），带来访起止时间和被访人（须为此鸿图上的人员），人脸一并发送。签离即把来访结束时间设为现在（person/update）。',
    },
    closeDoor: { en: 'Hongtu’s OpenAPI has a remote open (door/openDoor) but no remote close.', 'zh-CN': '鸿图 OpenAPI 有远程开门（door/openDoor），没有远程关门。' },
    doorModes: {
      en: 'Hongtu’s OpenAPI has no normally-open / normally-closed call; door/config sets lock and timing parameters only.',
      'zh-CN': '鸿图 OpenAPI 没有常开/常闭调用；door/config 只能设置门锁和时间参数。',
    },
    faceCheck: { en: 'Hongtu checks a face when it is uploaded (person/uploadImage); there is no separate check call.', 'zh-CN': '鸿图在上传人脸时检查（person/uploadImage），没有单独的检查接口。' },
  },
};

/** Clock difference beyond which a signature refusal is explained as clock skew. */
const SKEW_SUSPECT_MS = 60_000;
const PAGE = 200;

/** Pass records are read from a time in epoch milliseconds. */
const CURSOR = new SeenCursor<number>({
  key: 'ms',
  at: (time) => time.getTime(),
  is: (value): value is number => typeof value === 'number',
  of: (event) => Date.parse(event.occurredAt),
});
/** Person types (§8): 1 employee, 2 visitor, 3 key person. */
const GROUP_TYPES = [1, 2, 3] as const;

/**
 * Megvii Hongtu 2000 behind the common interface, plus the few device calls the wizard's steps
 * (commissioning.ts, which holds the set-up steps) do not cover.
 */
export class HongtuAdapter implements BackendDriver {
  readonly vendor = 'hongtu' as const;
  readonly capabilities = CAPABILITIES;
  /** The push carries pass records only: device alarms (tamper, fire…) are read from their list every poll. */
  readonly listOnlyEvents = true;
  readonly client: HongtuClient;
  /** Visitors: persons of type 2 (person/batchAdd), issue 15 item 4. */
  readonly visitors: HongtuVisitors;
  private readonly baseUrl: URL;
  /** Hongtu's uuid of each person by personnel number (`backend_person_refs`), for a visitor's host. */
  private readonly refs: PersonRefs | undefined;

  constructor(options: HongtuClientOptions & { readonly personRefs?: PersonRefs | undefined }) {
    this.client = new HongtuClient(options);
    this.baseUrl = new URL(options.baseUrl);
    this.refs = options.personRefs;
    this.visitors = new HongtuVisitors({
      client: this.client,
      hostUuid: (pin, callOptions) => this.uuidOf(pin, callOptions),
      forgetHost: (pin) => this.refs?.forget(pin),
      uploadImage: (photo, callOptions) => this.uploadImage(photo, callOptions),
    });
  }

  async testConnection(options: Signal = {}): Promise<ConnectionTest> {
    const total = async (id: string, params: Record<string, unknown>): Promise<number | undefined> => {
      const page = (await this.client.call(id, { ...params, pageNum: 1, pageSize: 1 }, options)) as { total?: number };
      return typeof page.total === 'number' ? page.total : undefined;
    };
    const count = (fact: string, id: string, params: Record<string, unknown> = {}) => async (facts: Record<string, string | number | boolean>) => {
      const n = await total(id, params);
      if (n !== undefined) facts[fact] = n;
    };
    return probeConnection(
      // The certificate's subject is not among Hongtu's facts (as before issue 13).
      { client: this.client, baseUrl: this.baseUrl, product: 'Hongtu 2000', certificateSubject: false },
      [count('doors', 'door.list', { passModel: false }), count('devices', 'device.list'), count('discoveredPanels', 'device.queryReportDevice')],
      ({ error, verdict, advice, skew, facts }) => {
        if (verdict !== 'bad-credentials') return { verdict, advice };
        // 100008 covers both a wrong key pair and a stale ctimestamp: the server's clock (its Date
        // header against the clock we signed with) decides, or a message that names the timestamp.
        facts['product'] = 'Hongtu 2000';
        const namesTimestamp = /timestamp|时间戳|超出/i.test(String(error?.details?.['vendorMessage'] ?? error?.message ?? ''));
        if ((skew !== null && Math.abs(skew) >= SKEW_SUSPECT_MS) || namesTimestamp) return { verdict: 'clock-skew', advice: HONGTU_CLOCK_SKEW_ADVICE };
        return { verdict: 'signature', advice };
      },
    );
  }

  /**
   * device.list has no serial and no model (§52): each device's queryDeviceInfo (§57) adds its
   * `snCode` and `deviceModel`. One call per device; one that fails leaves that device's serial
   * marked "not read" while the others are read.
   */
  async listDevices(options: Signal = {}) {
    const devices: Device[] = [];
    for (const item of await this.collect('device.list', {}, options)) {
      const uuid = text(fields(item)['uuid']);
      devices.push(toDevice(item, uuid === null ? null : await readOrNull(() => this.client.call('device.queryDeviceInfo', { uuid }, options))));
    }
    return devices;
  }

  async listDoors(options: Signal = {}): Promise<Door[]> {
    // passModel=false is the door-control list; true would list the devices that could become doors.
    return (await this.collect('door.list', { passModel: false }, options)).map(toDoor);
  }

  /** Hongtu panels recognise faces themselves: there are no separate readers. */
  async listReaders() {
    return [];
  }

  /**
   * Pass groups of every person type, each with its doors: the devices whose pass authorities
   * (§67, one authority = device + schedule + groups) name the group.
   */
  async listAccessLevels(options: Signal = {}) {
    const groups = [];
    for (const type of GROUP_TYPES) groups.push(...(await this.collect('passGroup.list', { type }, options)));
    const authorities = await readOrNull(() => this.collect('passAuthority.list', {}, options));
    const doors = authorities === null ? null : doorsByGroup(authorities);
    return groups.map((group) => toAccessLevel(group, doors));
  }

  /** The OpenAPI has no department (organisation) list. */
  async listDepartments() {
    return [];
  }

  /** Every person type (person/list with no filter, §6), by their code: people without one cannot be picked. */
  async listPeople(options: Signal = {}): Promise<BackendPerson[]> {
    return (await this.collect('person.list', {}, options)).flatMap((item) => {
      const person = personOf(item);
      return person ? [person] : [];
    });
  }

  async findPerson(pin: string, options: Signal = {}): Promise<BackendPerson | null> {
    for await (const item of this.client.items('person.list', { code: pin }, { ...options, pageSize: 20 })) {
      const person = personOf(item);
      if (person?.pin === pin) return person;
    }
    return null;
  }

  /** door/openDoor opens for the time configured on the device (door/config openDuration): `seconds` is not sent. */
  async openDoor(doorId: string, _seconds: number, options: Signal = {}): Promise<void> {
    await this.client.call('door.openDoor', { uuid: doorId }, options);
  }

  async closeDoor(): Promise<void> {
    throw unsupported('close a door remotely', CAPABILITIES.notes['closeDoor']);
  }

  async setDoorMode(_doorId: string, mode: DoorMode): Promise<void> {
    throw unsupported(`set a door ${mode}`, CAPABILITIES.notes['doorModes']);
  }

  /**
   * By personnel number (Hongtu's `code`): update the person with that code, or add one. The face
   * goes up first (person/uploadImage) and the person refers to its uri (flow §4.1 step 1).
   */
  async upsertPerson(person: PersonRecord, options: Signal = {}): Promise<void> {
    const body = await this.personBody(person, options);
    const existing = await this.findByCode(person.pin, options);
    if (existing) {
      await this.client.call('person.update', { uuid: existing, ...body }, options);
      this.refs?.set(person.pin, existing);
    } else {
      const added = await this.addPersons([body], options);
      if (added !== null) this.refs?.set(person.pin, added);
    }
  }

  async upsertPersons(persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>, options: BulkOptions = {}): Promise<BulkResult> {
    return upsertOneByOne(persons, (person) => this.upsertPerson(person, options), options);
  }

  async deletePerson(pin: string, options: Signal = {}): Promise<void> {
    const uuid = await this.findByCode(pin, options);
    if (!uuid) {
      throw new DriverError('vendor_error', `Hongtu has no person with code ${pin}.`, {
        vendor: 'hongtu',
        advice: { en: `No person with personnel number ${pin} in Hongtu.`, 'zh-CN': `鸿图中没有编号为 ${pin} 的人员。` },
      });
    }
    await this.client.call('person.batchDelete', { uuidList: [uuid] }, options);
    this.refs?.forget(pin);
  }

  /** Hongtu checks faces on upload; uploading is the check (the image is not attached to anyone). */
  async checkFacePhoto(photo: PhotoInput, options: Signal = {}): Promise<FaceCheck> {
    return checkFace(() => this.uploadImage(photo, options), isFaceQualityCode);
  }

  eventsCursorAt(time: Date): EventCursor {
    return CURSOR.at(time);
  }

  /**
   * Pass records (pass_record/list) and device alarms (device_alarm/list: tamper, fire, door held
   * open…) from the cursor's time on, oldest first. Both start times are inclusive epoch ms, so one
   * cursor (the newest time seen, and the ids seen at it) serves both lists; cleared alarms
   * (alarmStatus 0) are not events.
   */
  async events(cursor: EventCursor | null, options: Signal = {}): Promise<EventPage> {
    const client = this.client;
    return CURSOR.page(cursor, async function* (from) {
      for await (const item of client.items('passRecord.list', { startPassTime: String(from) }, { ...options, pageSize: PAGE })) yield { event: toAccessEvent(item), raw: item };
      // The device alarm list is a second source: a platform that refuses it (no alarm module, an
      // older version) must not stop the pass records, which were read first and are kept.
      try {
        for await (const item of client.items('deviceAlarm.list', { startAlarmTime: String(from), alarmStatus: 1 }, { ...options, pageSize: PAGE })) {
          const event = toAlarmEvent(item);
          if (event) yield { event, raw: item };
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
      }
    });
  }

  /** Without a push receiver, real-time means polling pass_record/list and device_alarm/list (default every 5 s). */
  watch(options: WatchOptions): Watcher {
    return watchByPolling((cursor, signal) => this.events(cursor, signal), CURSOR.at(new Date()), options);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  // —— Device calls beyond the set-up steps (those are commissioning.ts, flow §4.1) ——

  /**
   * Adds a camera, video stream or smart (compute) server (device/add); panels come in through
   * discovery and the import step (commissioning.ts) instead. `device` carries the endpoint's fields (name, location,
   * deviceType 1/3/4, deviceModel, deviceMode, ipAddress…), checked against the table.
   */
  async addDevice(device: Readonly<Record<string, unknown>>, options: Signal = {}): Promise<unknown> {
    // device/add answers with a batch result even for one device (erratum E14).
    return throwOnFailures(await this.client.call('device.add', { ...device }, options), 'device.add');
  }

  /** The door device's configuration (lock, timing, recognition…), as door/queryConfig returns it. */
  async doorConfig(uuid: string, options: Signal = {}): Promise<unknown> {
    return this.client.call('door.queryConfig', { uuid }, options);
  }

  /** Sets parts of a door device's configuration (door/config): `customConfig`, `algorithmConfig`… */
  async configureDoor(uuid: string, config: Readonly<Record<string, unknown>>, options: Signal = {}): Promise<void> {
    await this.client.call('door.config', { uuid, ...config }, options);
  }

  /** Adds schedules: `workDay` per week day with `during` periods (HH:mm), type 1 通行 (pass). */
  async addSchedules(schedules: readonly Readonly<Record<string, unknown>>[], options: Signal = {}): Promise<unknown> {
    return throwOnFailures(await this.client.call('schedule.addBatch', { scheduleList: schedules.map((s) => ({ ...s })) }, options), 'schedule.addBatch');
  }

  /** Registers `pushUrl` for pass records (busiType 5) with pubsub/busi/record/add. */
  async subscribe(pushUrl: string, options: Signal = {}): Promise<void> {
    await this.client.call('pubsub.recordAdd', { pushUrl, busiTypes: [5] }, options);
  }

  async unsubscribe(options: Signal = {}): Promise<void> {
    await this.client.call('pubsub.recordUnbind', {}, options);
  }

  async subscription(options: Signal = {}): Promise<unknown> {
    return this.client.call('pubsub.recordQuery', {}, options);
  }

  private async collect(id: string, params: Record<string, unknown>, options: Signal): Promise<unknown[]> {
    return this.client.collect(id, params, { ...options, pageSize: PAGE });
  }

  /** The uuid of the person with this code: the stored ref, else person/list (then stored). */
  private async uuidOf(code: string, options: Signal): Promise<string | null> {
    const stored = this.refs?.get(code);
    if (stored) return stored;
    const uuid = await this.findByCode(code, options);
    if (uuid !== null) this.refs?.set(code, uuid);
    return uuid;
  }

  private async findByCode(code: string, options: Signal): Promise<string | null> {
    for await (const item of this.client.items('person.list', { code }, { ...options, pageSize: 20 })) {
      const f = fields(item);
      if (text(f['code']) === code) return text(f['uuid']);
    }
    return null;
  }

  private async uploadImage(photo: PhotoInput, options: Signal): Promise<string> {
    const bytes = await photoBytes(photo);
    if (!imageInfo(bytes)) {
      throw new DriverError('invalid_params', 'The photo is not a JPEG or PNG.', {
        vendor: 'hongtu',
        details: { reason: 'format' },
        advice: { en: 'The photo is not a JPEG or PNG image. Capture it again or convert it.', 'zh-CN': '照片不是 JPEG 或 PNG 图像。请重新采集或转换格式。' },
      });
    }
    const result = await this.client.call('person.uploadImage', { file: bytes }, options);
    const uri = typeof result === 'string' ? result : text(fields(result)['uri']);
    if (!uri) throw new DriverError('schema_mismatch', 'person/uploadImage returned no uri.', { vendor: 'hongtu', endpoint: 'person.uploadImage' });
    return uri;
  }

  private async personBody(person: PersonRecord, options: Signal): Promise<Record<string, unknown>> {
    const body: Record<string, unknown> = { name: person.name, code: person.pin };
    if (person.gender !== undefined) body['sex'] = person.gender === 'M' ? 1 : 2;
    if (person.idNumber !== undefined) body['identifyNum'] = person.idNumber;
    if (person.phone !== undefined) body['phone'] = person.phone;
    if (person.cardNo !== undefined) body['cardNum'] = person.cardNo;
    if (person.accessLevelIds !== undefined) body['groupList'] = [...person.accessLevelIds];
    if (person.photo !== undefined) body['imageUri'] = await this.uploadImage(person.photo, options);
    return body;
  }

  /** Adds employees; the first one's uuid (null when the answer names none). */
  private async addPersons(bodies: Record<string, unknown>[], options: Signal): Promise<string | null> {
    // type 1 = employee (§8); visitors are added by visitors.ts, key persons elsewhere.
    const result = throwOnFailures(await this.client.call('person.batchAdd', { personList: bodies.map((b) => ({ type: 1, ...b })) }, options), 'person.batchAdd');
    const successes = fields(result)['successes'];
    return Array.isArray(successes) ? text(fields(successes[0])['uuid']) : null;
  }
}

function unsupported(what: string, why: { en: string; 'zh-CN': string } | undefined): DriverError {
  return new DriverError('unsupported', `Hongtu’s OpenAPI cannot ${what}.`, { vendor: 'hongtu', advice: why });
}

/** A person/list item as a person to pick: the code is the personnel number Doorman pushes as `pin`. */
function personOf(item: unknown): BackendPerson | null {
  const f = fields(item);
  const pin = text(f['code']);
  return pin === null ? null : { pin, name: text(f['name']) ?? '' };
}
