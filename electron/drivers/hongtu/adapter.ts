import type { AccessEvent, BackendPerson, Capabilities, ConnectionTest, Device, Door, DoorMode } from '../../../shared/contract/backends.ts';
import type { BackendDriver, BulkOptions, BulkResult, EventCursor, EventPage, FaceCheck, PersonRecord, PhotoInput, Signal, WatchOptions, Watcher } from '../../backends/backend.ts';
import { pollLoop } from '../poll-loop.ts';
import { clockSkewFromDate, verdictOf } from '../verdict.ts';
import { DriverError, WHOLE_BACKEND_FAILURES } from '../driver-error.ts';
import { readPeerCertificate } from '../http/peer-certificate.ts';
import { imageInfo } from '../../photos/image-info.ts';
import { photoBytes } from '../../photos/photo-bytes.ts';
import { fields, text } from '../record-fields.ts';
import { HongtuClient, type HongtuClientOptions } from './client.ts';
import { HONGTU_CLOCK_SKEW_ADVICE, hongtuFailure, isFaceQualityCode } from './errors.ts';
import { doorsByGroup, toAccessEvent, toAccessLevel, toDevice, toDoor } from './mapping.ts';

const CAPABILITIES: Capabilities = {
  closeDoor: false,
  doorModes: [],
  faceCheck: false,
  bulkUpsert: true,
  realtimeEvents: 'push',
  notes: {
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
/** Person types (§8): 1 employee, 2 visitor, 3 key person. */
const GROUP_TYPES = [1, 2, 3] as const;

export interface DiscoveredPanel {
  readonly uuid: string | null;
  readonly snCode: string;
  readonly deviceType: number | null;
  readonly discoveryMethod: number | null;
  readonly discoveredAt: string | null;
}

export interface ImportPanel {
  readonly snCode: string;
  readonly name: string;
  readonly location: string;
  readonly deviceType: number;
  readonly deviceModel: number;
  readonly deviceMode: number;
  readonly discoveryMethod: number;
}

/** Megvii Hongtu 2000 behind the common interface, plus its own commissioning steps. */
export class HongtuAdapter implements BackendDriver {
  readonly vendor = 'hongtu' as const;
  readonly capabilities = CAPABILITIES;
  readonly client: HongtuClient;
  private readonly baseUrl: URL;

  constructor(options: HongtuClientOptions) {
    this.client = new HongtuClient(options);
    this.baseUrl = new URL(options.baseUrl);
  }

  async testConnection(options: Signal = {}): Promise<ConnectionTest> {
    const started = performance.now();
    const facts: Record<string, string | number | boolean> = {};
    const skew = () => {
      const server = this.client.lastServer;
      return server ? clockSkewFromDate(server.date, server.receivedAt) : null;
    };
    const finish = (verdict: ConnectionTest['verdict'], cause: string | null, message: string, advice: ConnectionTest['advice']): ConnectionTest => {
      if (this.client.lastServer?.server) facts['httpServer'] = this.client.lastServer.server;
      return { verdict, cause, message, advice, latencyMs: Math.round(performance.now() - started), facts, clockSkewMs: skew(), testedAt: new Date().toISOString() };
    };
    try {
      const doors = (await this.client.call('door.list', { passModel: false, pageNum: 1, pageSize: 1 }, options)) as { total?: number };
      facts['product'] = 'Hongtu 2000';
      if (typeof doors.total === 'number') facts['doors'] = doors.total;
      const devices = (await this.client.call('device.list', { pageNum: 1, pageSize: 1 }, options)) as { total?: number };
      if (typeof devices.total === 'number') facts['devices'] = devices.total;
      const discovered = (await this.client.call('device.queryReportDevice', { pageNum: 1, pageSize: 1 }, options)) as { total?: number };
      if (typeof discovered.total === 'number') facts['discoveredPanels'] = discovered.total;
      return finish('ok', null, 'Connected to Hongtu 2000.', null);
    } catch (error) {
      const driverError = error instanceof DriverError ? error : null;
      let verdict = verdictOf(error);
      let advice = driverError?.advice ?? null;
      if (verdict === 'bad-credentials') {
        // 100008 covers both a wrong key pair and a stale ctimestamp: the server's clock (its Date
        // header against the clock we signed with) decides, or a message that names the timestamp.
        const offset = skew();
        const namesTimestamp = /timestamp|时间戳|超出/i.test(String(driverError?.details?.['vendorMessage'] ?? driverError?.message ?? ''));
        if ((offset !== null && Math.abs(offset) >= SKEW_SUSPECT_MS) || namesTimestamp) {
          verdict = 'clock-skew';
          advice = HONGTU_CLOCK_SKEW_ADVICE;
        } else verdict = 'signature';
        facts['product'] = 'Hongtu 2000';
      }
      if (verdict === 'tls' && this.baseUrl.protocol === 'https:') {
        const cert = await readPeerCertificate(this.baseUrl.hostname, Number(this.baseUrl.port || 443));
        if (cert) {
          facts['certificateSha256'] = cert.fingerprint256;
          facts['certificateSelfSigned'] = cert.selfSigned;
        }
      }
      if (driverError?.code === 'vendor_error') facts['product'] = 'Hongtu 2000';
      return finish(verdict, driverError?.code ?? 'unknown', error instanceof Error ? error.message : String(error), advice);
    }
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
      devices.push(toDevice(item, uuid === null ? null : await this.readOrNull(() => this.client.call('device.queryDeviceInfo', { uuid }, options))));
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
    const authorities = await this.readOrNull(() => this.collect('passAuthority.list', {}, options));
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
    if (existing) await this.client.call('person.update', { uuid: existing, ...body }, options);
    else await this.addPersons([body], options);
  }

  async upsertPersons(persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>, options: BulkOptions = {}): Promise<BulkResult> {
    const failures: { pin: string; code: string; message: string }[] = [];
    let done = 0;
    for await (const person of persons) {
      options.signal?.throwIfAborted();
      try {
        await this.upsertPerson(person, options);
        done++;
      } catch (error) {
        if (!(error instanceof DriverError) || !['vendor_error', 'invalid_params'].includes(error.code)) throw error;
        failures.push({ pin: person.pin, code: error.vendorCode !== undefined ? String(error.vendorCode) : error.code, message: error.message });
      }
      options.onProgress?.({ done, failed: failures.length });
    }
    return { done, failed: failures.length, failures };
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
  }

  /** Hongtu checks faces on upload; uploading is the check (the image is not attached to anyone). */
  async checkFacePhoto(photo: PhotoInput, options: Signal = {}): Promise<FaceCheck> {
    try {
      await this.uploadImage(photo, options);
      return { ok: true, vendorCode: null, advice: null };
    } catch (error) {
      if (error instanceof DriverError && typeof error.vendorCode === 'number' && isFaceQualityCode(error.vendorCode)) {
        return { ok: false, vendorCode: error.vendorCode, advice: error.advice ?? null };
      }
      throw error;
    }
  }

  eventsCursorAt(time: Date): EventCursor {
    return JSON.stringify({ ms: time.getTime(), seen: [] });
  }

  /** Pass records after `cursor` from pass_record/list (startPassTime is inclusive), oldest first. */
  async events(cursor: EventCursor | null, options: Signal = {}): Promise<EventPage> {
    const from = parseCursor(cursor);
    const seen = new Set(from.seen);
    const events: AccessEvent[] = [];
    for await (const item of this.client.items('passRecord.list', { startPassTime: String(from.ms) }, { ...options, pageSize: PAGE })) {
      const event = toAccessEvent(item);
      const ms = Date.parse(event.occurredAt);
      if (!seen.has(event.eventId) && (Number.isNaN(ms) || ms >= from.ms)) events.push(event);
    }
    const unique = [...new Map(events.map((e) => [e.eventId, e])).values()].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    const last = unique.at(-1);
    if (!last) return { events: [], cursor };
    const lastMs = Date.parse(last.occurredAt);
    const atLast = unique.filter((e) => Date.parse(e.occurredAt) === lastMs).map((e) => e.eventId);
    return { events: unique, cursor: JSON.stringify({ ms: lastMs, seen: [...(lastMs === from.ms ? from.seen : []), ...atLast] }) };
  }

  /** Without a push receiver, real-time means polling pass_record/list (default every 5 s). */
  watch(options: WatchOptions): Watcher {
    let cursor: EventCursor | null = JSON.stringify({ ms: Date.now(), seen: [] });
    return pollLoop({
      intervalMs: options.intervalMs ?? 5_000,
      signal: options.signal,
      onError: options.onError,
      tick: async (signal) => {
        const page = await this.events(cursor, { signal });
        cursor = page.cursor;
        for (const event of page.events) options.onEvent(event);
      },
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  // —— Hongtu's own commissioning steps (flow §4.1) ——

  /** Panels that reported themselves and wait to be imported (device/queryReportDevice). */
  async discoveredPanels(options: Signal = {}): Promise<DiscoveredPanel[]> {
    return (await this.collect('device.queryReportDevice', {}, options)).map((item) => {
      const f = fields(item);
      return {
        uuid: text(f['uuid']),
        snCode: text(f['snCode']) ?? '',
        deviceType: typeof f['deviceType'] === 'number' ? f['deviceType'] : null,
        discoveryMethod: typeof f['discoveryMethod'] === 'number' ? f['discoveryMethod'] : null,
        discoveredAt: text(f['gmtCreate']),
      };
    });
  }

  async importPanel(panel: ImportPanel, options: Signal = {}): Promise<void> {
    await this.client.call('device.importDevice', { ...panel }, options);
  }

  /** device/bind has full-set semantics: `deviceUuids` becomes the whole bound set of the edge device. */
  async bind(edgeUuid: string, deviceUuids: readonly string[], options: Signal = {}): Promise<void> {
    await this.client.call('device.bind', { uuid: edgeUuid, deviceUuids: [...deviceUuids] }, options);
  }

  async unbind(edgeUuid: string, deviceUuid: string, options: Signal = {}): Promise<void> {
    await this.client.call('device.unbind', { uuid: edgeUuid, unBindDeviceUuid: deviceUuid }, options);
  }

  /**
   * Adds a camera, video stream or smart (compute) server (device/add); panels come in through
   * discovery and importPanel instead. `device` carries the endpoint's fields (name, location,
   * deviceType 1/3/4, deviceModel, deviceMode, ipAddress…), checked against the table.
   */
  async addDevice(device: Readonly<Record<string, unknown>>, options: Signal = {}): Promise<unknown> {
    // device/add answers with a batch result even for one device (erratum E14).
    return throwOnFailures(await this.client.call('device.add', { ...device }, options), 'device.add');
  }

  async deleteDevice(uuid: string, options: Signal = {}): Promise<void> {
    await this.client.call('device.delete', { uuid }, options);
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

  /** Adds devices to (and removes devices from) the access-control points. */
  async setDoors(add: readonly string[], remove: readonly string[] = [], options: Signal = {}): Promise<void> {
    await this.client.call('door.add', { addDeviceUuids: [...add], removeDeviceUuids: [...remove] }, options);
  }

  async removeDoor(uuid: string, options: Signal = {}): Promise<void> {
    await this.client.call('door.remove', { uuid }, options);
  }

  async addPassGroups(groups: readonly { name: string; type: number }[], options: Signal = {}): Promise<unknown> {
    return throwOnFailures(await this.client.call('passGroup.batchAdd', { groupList: groups.map((g) => ({ ...g })) }, options), 'passGroup.batchAdd');
  }

  async schedules(type = 1, options: Signal = {}): Promise<{ uuid: string; name: string }[]> {
    return (await this.collect('schedule.page', { type }, options)).map((item) => {
      const f = fields(item);
      return { uuid: text(f['uuid']) ?? '', name: text(f['name']) ?? '' };
    });
  }

  async addAuthority(deviceUuids: readonly string[], groupUuids: readonly string[], scheduleUuid: string, options: Signal = {}): Promise<void> {
    await this.client.call('passAuthority.add', { deviceUuids: [...deviceUuids], groupUuids: [...groupUuids], scheduleUuid }, options);
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

  /** A read whose failure is one column's "not read", unless the backend cannot be talked to at all. */
  private async readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof DriverError) || WHOLE_BACKEND_FAILURES.has(error.code)) throw error;
      return null;
    }
  }

  private async collect(id: string, params: Record<string, unknown>, options: Signal): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const item of this.client.items(id, params, { ...options, pageSize: PAGE })) out.push(item);
    return out;
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

  private async addPersons(bodies: Record<string, unknown>[], options: Signal): Promise<void> {
    // type 1 = employee (§8); visitors and key persons are enrolled elsewhere.
    throwOnFailures(await this.client.call('person.batchAdd', { personList: bodies.map((b) => ({ type: 1, ...b })) }, options), 'person.batchAdd');
  }
}

/**
 * Batch writes answer code 0 with `{successes, failures}` (§6): a failed item is not an error of the
 * envelope. The first failure becomes the typed error, with the module's advice for its code.
 */
function throwOnFailures(result: unknown, endpoint: string): unknown {
  const failures = fields(result)['failures'];
  const first = Array.isArray(failures) ? fields(failures[0]) : null;
  if (first && Object.keys(first).length > 0) {
    const code = Number(first['code']);
    const failure = hongtuFailure(Number.isFinite(code) ? code : -1, text(first['msg']), endpoint);
    throw new DriverError('vendor_error', `${endpoint}: ${text(first['name']) ?? text(first['uuid']) ?? 'an item'} refused: ${text(first['msg']) ?? code}`, {
      vendor: 'hongtu',
      endpoint,
      vendorCode: failure.vendorCode,
      advice: failure.advice,
      details: { failures },
    });
  }
  return result;
}

function unsupported(what: string, why: { en: string; 'zh-CN': string } | undefined): DriverError {
  return new DriverError('unsupported', `Hongtu’s OpenAPI cannot ${what}.`, { vendor: 'hongtu', advice: why });
}

interface Cursor {
  readonly ms: number;
  readonly seen: readonly string[];
}

function parseCursor(cursor: EventCursor | null): Cursor {
  if (cursor) {
    try {
      const parsed = JSON.parse(cursor) as Partial<Cursor>;
      if (typeof parsed.ms === 'number' && Array.isArray(parsed.seen)) return { ms: parsed.ms, seen: parsed.seen.map(String) };
    } catch {
      // Start over from the last day.
    }
  }
  return { ms: Date.now() - 24 * 3600_000, seen: [] };
}

/** A person/list item as a person to pick: the code is the personnel number Doorman pushes as `pin`. */
function personOf(item: unknown): BackendPerson | null {
  const f = fields(item);
  const pin = text(f['code']);
  return pin === null ? null : { pin, name: text(f['name']) ?? '' };
}
