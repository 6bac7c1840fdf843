import type { BackendPerson, Capabilities, ConnectionTest, Door, DoorMode, DoorState } from '../../../shared/contract/backends.ts';
import type { BackendDriver, BulkOptions, BulkResult, EventCursor, EventPage, FaceCheck, PersonRecord, PhotoInput, Signal, WatchOptions, Watcher } from '../../backends/backend.ts';
import { pollLoop, RecentIds } from '../poll-loop.ts';
import { DriverError, readOrNull } from '../driver-error.ts';
import { probeConnection } from '../connection-probe.ts';
import { checkFace } from '../face-check.ts';
import { SeenCursor } from '../event-cursor.ts';
import { ZkbioClient, type ZkbioClientOptions } from './client.ts';
import { isFaceQualityCode, ZKBIO_CREDENTIALS_ADVICE } from './errors.ts';
import { connectsByDevice, toAccessEvent, toAccessLevel, toBackendPerson, toDepartment, toDevice, toDoor, toDoorState, toReader } from './mapping.ts';
import { encodePhoto } from './photo-rules.ts';
import { ZkbioVisitors } from './visitors.ts';
import { formatZkbioTime } from './time.ts';

const CAPABILITIES: Capabilities = {
  closeDoor: true,
  doorModes: [],
  faceCheck: true,
  bulkUpsert: true,
  realtimeEvents: 'monitor',
  visitors: true,
  doorState: 'full',
  notes: {
    visitors: {
      en: 'ZKBio registers visitors by ID document (visRegistration.add: document type and number and a reason required) and checks them out (visRegistration.exit). A visit that starts on a later day is booked as a reservation (visReservation.add); Cancel reservation deletes it. Neither takes a photo: a captured face stays in Doorman.',
      'zh-CN': 'ZKBio 按证件登记访客（visRegistration.add：证件类型、证件号和事由必填），并可签离（visRegistration.exit）。从以后某天开始的来访登记为预约（visReservation.add），“取消预约”即删除该预约。两者都不接收照片：采集的人脸只保存在 Doorman 中。',
    },
    doorModes: {
      en: 'ZKBio’s API has no normally-open / normally-closed call, and remote open is limited to 1–254 s (appendix −45); set door modes in the ZKBio web page.',
      'zh-CN': 'ZKBio 接口没有常开/常闭调用，远程开门时长限 1–254 秒（附录 −45）；请在 ZKBio 网页中设置门的常开/常闭。',
    },
  },
};

const PAGE = 200;

/** Transactions are read from a time in ZKBio's own form (its local time text, whole seconds). */
const CURSOR = new SeenCursor<string>({
  key: 'time',
  at: formatZkbioTime,
  is: (value): value is string => typeof value === 'string',
  of: (event) => event.occurredAt,
});
/**
 * The document asks door-state callers not to poll more often than every 10 s (2.12.1): one read
 * serves the devices' online column and the doors' state for that long.
 */
const STATE_REUSE_MS = 10_000;

/** Persons per addPersons request. The document gives no limit; −82 caps pin lists at 500. */
const DEFAULT_BATCH = 100;
/**
 * A request is also closed at this many encoded bytes: one photo-heavy batch is held several times
 * over while sent (base64 strings, the JSON body, the socket buffer), so bytes, not count, bound memory.
 */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** ZKBio CVSecurity behind Doorman's common BackendDriver interface. */
export class ZkbioAdapter implements BackendDriver {
  readonly vendor = 'zkbio' as const;
  readonly capabilities = CAPABILITIES;
  readonly client: ZkbioClient;
  /** Visitor registration and check-out (§2.18): issue 15 item 4. */
  readonly visitors: ZkbioVisitors;
  private readonly baseUrl: URL;
  private doorNames: Map<string, string> | null = null;
  private stateRead: { readonly at: number; readonly states: readonly unknown[] } | null = null;

  constructor(options: ZkbioClientOptions) {
    this.client = new ZkbioClient(options);
    this.visitors = new ZkbioVisitors(this.client);
    this.baseUrl = new URL(options.baseUrl);
  }

  async testConnection(options: Signal = {}): Promise<ConnectionTest> {
    return probeConnection(
      { client: this.client, baseUrl: this.baseUrl, product: 'ZKBio CVSecurity' },
      [
        async (facts) => {
          const doors = (await this.client.call('door.list.v2', { pageNo: 1, pageSize: 1 }, options)) as { total?: number };
          if (typeof doors.total === 'number') facts['doors'] = doors.total;
        },
        async (facts) => {
          const devices = (await this.client.call('device.accList', { pageNo: 1, pageSize: 1000 }, options)) as unknown[];
          facts['accessDevices'] = devices.length;
        },
      ],
      ({ verdict, advice }) => ({ verdict, advice: verdict === 'bad-credentials' ? ZKBIO_CREDENTIALS_ADVICE : advice }),
    );
  }

  /** Devices, online from their doors' connection state (the device record has none, §5.6). */
  async listDevices(options: Signal = {}) {
    const devices = await this.collect('device.accList', options);
    const states = await this.doorStates(options);
    const connects = states === null ? null : connectsByDevice(states);
    return devices.map((device) => toDevice(device, connects));
  }

  async listDoors(options: Signal & { withState?: boolean } = {}): Promise<Door[]> {
    const doors = await this.collect('door.list.v2', options);
    let states: Map<string, DoorState> | null = null;
    if (options.withState) {
      const raw = await this.doorStates(options);
      if (raw !== null) states = new Map(raw.map((s) => [String((s as { id?: unknown }).id ?? ''), toDoorState(s)]));
    }
    const result = doors.map((d) =>
      toDoor(d, states?.get(String((d as { id?: unknown }).id ?? '')) ?? null, !options.withState ? null : states === null ? 'not-read' : 'not-reported'),
    );
    this.doorNames = new Map(result.map((d) => [d.name, d.id]));
    return result;
  }

  async listReaders(options: Signal = {}) {
    return (await this.collect('reader.list.v2', options)).map(toReader);
  }

  async listAccessLevels(options: Signal = {}) {
    return (await this.collect('accLevel.list.v2', options)).map(toAccessLevel);
  }

  async listDepartments(options: Signal = {}) {
    return (await this.collect('department.getDepartmentList', options)).map(toDepartment);
  }

  /** person/getPersonList v2 with no pins or departments: every person (2.14.12). */
  async listPeople(options: Signal = {}): Promise<BackendPerson[]> {
    return (await this.collect('person.getPersonList.v2', options)).flatMap((item) => {
      const person = toBackendPerson(item);
      return person ? [person] : [];
    });
  }

  /** person/get (2.14.5); −22 "The person does not exist" is no such person. */
  async findPerson(pin: string, options: Signal = {}): Promise<BackendPerson | null> {
    try {
      return toBackendPerson(await this.client.call('person.get.v2', { pin }, options));
    } catch (error) {
      if (error instanceof DriverError && error.code === 'vendor_error' && error.vendorCode === -22) return null;
      throw error;
    }
  }

  async openDoor(doorId: string, seconds: number, options: Signal = {}): Promise<void> {
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 254) {
      throw new DriverError('invalid_params', `Open time ${seconds} s: ZKBio accepts 1–254 s (−45).`, {
        vendor: 'zkbio',
        vendorCode: -45,
        advice: { en: 'The open time must be 1–254 seconds.', 'zh-CN': '开门时长须为 1–254 秒。' },
      });
    }
    await this.client.call('door.remoteOpenById', { doorId, interval: seconds }, options);
  }

  async closeDoor(doorId: string, options: Signal = {}): Promise<void> {
    await this.client.call('door.remoteCloseById', { doorId }, options);
  }

  async setDoorMode(_doorId: string, mode: DoorMode): Promise<void> {
    throw new DriverError('unsupported', `ZKBio’s API cannot set a door ${mode}.`, { vendor: 'zkbio', advice: CAPABILITIES.notes['doorModes'] });
  }

  async upsertPerson(person: PersonRecord, options: Signal = {}): Promise<void> {
    // person/add is "Add/Edit" (2.14.1): the same pin updates, never duplicates.
    await this.client.call('person.add', await personBody(person), options);
  }

  async upsertPersons(persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>, options: BulkOptions = {}): Promise<BulkResult> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const failures: { pin: string; code: string; message: string }[] = [];
    let done = 0;
    const report = () => options.onProgress?.({ done, failed: failures.length });
    let bodies: Record<string, unknown>[] = [];
    let bytes = 0;
    const flush = async () => {
      if (bodies.length === 0) return;
      const sending = bodies;
      bodies = [];
      bytes = 0;
      try {
        await this.client.call('person.addPersons.v2', { items: sending }, options);
        done += sending.length;
      } catch (error) {
        if (!(error instanceof DriverError) || error.code !== 'vendor_error') throw error;
        // The batch failed as a whole: add one by one to find which person the server refuses.
        for (const body of sending) {
          try {
            await this.client.call('person.add', body, options);
            done++;
          } catch (single) {
            if (!(single instanceof DriverError) || single.code !== 'vendor_error') throw single;
            failures.push(failure(String(body['pin']), single));
          }
        }
      }
      report();
    };
    for await (const person of persons) {
      options.signal?.throwIfAborted();
      let body: Record<string, unknown>;
      try {
        // The photo is read and encoded here, one person at a time: only the open batch is in memory.
        body = await personBody(person);
      } catch (error) {
        failures.push(failure(person.pin, error));
        report();
        continue;
      }
      const size = typeof body['personPhoto'] === 'string' ? body['personPhoto'].length : 0;
      if (bodies.length > 0 && bytes + size > MAX_BATCH_BYTES) await flush();
      bodies.push(body);
      bytes += size + 256;
      if (bodies.length >= batchSize) await flush();
    }
    await flush();
    return { done, failed: failures.length, failures };
  }

  async deletePerson(pin: string, options: Signal = {}): Promise<void> {
    // The POST ?pin= form (2.14.3) rather than DELETE /{pin}: proxies treat it better (§8.4).
    await this.client.call('person.delete.v2', { pin }, options);
  }

  /** person/detectFace (2.14.16); below 80,000 pixels is refused before sending, with the same advice. */
  async checkFacePhoto(photo: PhotoInput, options: Signal = {}): Promise<FaceCheck> {
    return checkFace(async () => this.client.call('person.detectFace.v2', { personPhoto: await encodePhoto(photo, '(check)') }, options), isFaceQualityCode);
  }

  eventsCursorAt(time: Date): EventCursor {
    // eventTime has one-second resolution: start at the whole second.
    return CURSOR.at(time);
  }

  /** Transactions after `cursor` from transaction/list v2 (startDate filter), oldest first. */
  async events(cursor: EventCursor | null, options: Signal = {}): Promise<EventPage> {
    const doorsByName = await this.doorsByName(options);
    const client = this.client;
    return CURSOR.page(cursor, async function* (from) {
      for await (const item of client.items('transaction.list.v2', { startDate: from }, { ...options, pageSize: PAGE })) yield { event: toAccessEvent(item, doorsByName), raw: item };
    });
  }

  /**
   * Real-time events from transaction/monitor. The document says the first call's timestamp may be
   * reused for every later call (2.19.6), so the watcher keeps it; events seen before are dropped
   * by their stable id. Polls every 10 s unless the caller insists on a shorter interval.
   */
  watch(options: WatchOptions): Watcher {
    const insisted = options.intervalMs !== undefined && options.intervalMs < 10_000;
    const timestamp = Date.now();
    const recent = new RecentIds(10_000);
    return pollLoop({
      intervalMs: options.intervalMs ?? 10_000,
      signal: options.signal,
      onError: options.onError,
      tick: async (signal) => {
        const doorsByName = await this.doorsByName({ signal });
        const items = (await this.client.call('transaction.monitor', { timestamp }, { signal, force: insisted })) as unknown[];
        for (const item of items) {
          const event = toAccessEvent(item, doorsByName);
          if (recent.add(event.eventId)) options.onEvent(event, item);
        }
      },
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * All doors' states (2.12.1), read at most once per STATE_REUSE_MS; null when the call failed
   * for a reason of its own (a refusal, a bad reply): the lists still show, their state unknown.
   */
  private async doorStates(options: Signal): Promise<readonly unknown[] | null> {
    if (this.stateRead && Date.now() - this.stateRead.at < STATE_REUSE_MS) return this.stateRead.states;
    return readOrNull(async () => {
      const states = (await this.client.call('door.allDoorState', { timestamp: Date.now() }, { ...options, force: true })) as unknown[];
      this.stateRead = { at: Date.now(), states };
      return states;
    });
  }

  private async collect(id: string, options: Signal): Promise<unknown[]> {
    return this.client.collect(id, {}, { ...options, pageSize: PAGE });
  }

  private async doorsByName(options: Signal): Promise<ReadonlyMap<string, string>> {
    if (!this.doorNames) await this.listDoors(options);
    return this.doorNames ?? new Map();
  }
}

async function personBody(person: PersonRecord): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = { pin: person.pin, name: person.name };
  if (person.lastName !== undefined) body['lastName'] = person.lastName;
  if (person.gender !== undefined) body['gender'] = person.gender;
  if (person.departmentId !== undefined) body['deptCode'] = person.departmentId;
  if (person.cardNo !== undefined) body['cardNo'] = person.cardNo;
  if (person.accessLevelIds !== undefined) body['accLevelIds'] = person.accessLevelIds.join(',');
  if (person.validFrom !== undefined) body['accStartTime'] = person.validFrom;
  if (person.validTo !== undefined) body['accEndTime'] = person.validTo;
  if (person.photo !== undefined) body['personPhoto'] = await encodePhoto(person.photo, person.pin);
  return body;
}

function failure(pin: string, error: unknown): { pin: string; code: string; message: string } {
  const code = error instanceof DriverError ? (error.vendorCode !== undefined ? String(error.vendorCode) : error.code) : 'error';
  return { pin, code, message: error instanceof Error ? error.message : String(error) };
}
