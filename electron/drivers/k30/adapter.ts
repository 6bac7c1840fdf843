import type { AccessLevel, BackendPerson, Capabilities, ConnectionTest, Department, Device, Door, DoorMode, Reader } from '../../../shared/contract/backends.ts';
import type { BulkOptions, BulkResult, EventCursor, EventPage, FaceCheck, PersonRecord, PersonRefs, PhotoInput, Watcher, WatchOptions } from '../../backends/backend.ts';
import { probeConnection } from '../connection-probe.ts';
import { DriverError, readOrNull, type LocalizedText } from '../driver-error.ts';
import { SeenCursor } from '../event-cursor.ts';
import { watchByPolling } from '../poll-loop.ts';
import { K30Client, type CallOptions, type K30ClientOptions } from './client.ts';
import { CLOCK_MESSAGE, K30_CLOCK_ADVICE, K30_COMPANY_ADVICE, K30_NOT_K30_ADVICE } from './errors.ts';
import { toAccessEvent, toAccessLevel, toBackendPerson, toDepartment, toDevice, toDoor, toReader } from './mapping.ts';
import { K30People } from './people-writes.ts';
import { K30Visitors } from './visitors.ts';
import { formatDateTime } from './timestamp.ts';

export interface K30AdapterOptions extends K30ClientOptions {
  /** K30's `no` of each person Doorman sent it, by pin, kept in the store (default: in memory). */
  readonly personRefs?: PersonRefs | undefined;
}

/** Clock difference beyond which a refusal is explained as clock skew. */
const SKEW_SUSPECT_MS = 60_000;
const PAGE = 100;
/** How long people writes reuse the regions' devices they push to. */
const REGIONS_FOR_SYNC_MS = 60_000;

const NO_RESTORE: LocalizedText = {
  en: 'K30’s API can hold a device open (常开) or closed (常关) with device.setLongOpen, but has no value to return it to normal (the document gives only 1 and 2). To end a hold, set it from the K30 software or on the device.',
  'zh-CN': 'K30 接口可用 device.setLongOpen 将设备设为常开或常关，但没有恢复正常的取值（文档只给出 1 和 2）。如需结束常开/常关，请在 K30 软件中或设备上操作。',
};

const CAPABILITIES: Capabilities = {
  closeDoor: false,
  doorModes: ['normally-open', 'normally-closed'],
  faceCheck: false,
  bulkUpsert: false,
  realtimeEvents: 'push',
  visitors: true,
  doorState: 'online',
  notes: {
    visitors: {
      en: 'K30 registers visitors with visitor.create (ID number and phone required, face optional), pushes them to every device with visitor.sync and ends the visit with visitor.delete (the devices must be online). It has no visitor list.',
      'zh-CN': 'K30 用 visitor.create 登记访客（证件号和手机号必填，人脸可选），用 visitor.sync 下发到所有设备，用 visitor.delete 结束来访（设备须在线）。没有访客列表接口。',
    },
    closeDoor: { en: 'K30’s API has a remote open (device.openDoor) but no remote close; hold-closed (常关) is a door mode.', 'zh-CN': 'K30 接口有远程开门（device.openDoor），没有远程关门；常关是一种门模式。' },
    doorModes: NO_RESTORE,
    faceCheck: { en: 'K30 has no call that checks a face photo on its own; it checks the photo when a person is saved.', 'zh-CN': 'K30 没有单独检查人脸照片的接口；保存人员时才检查照片。' },
    bulkUpsert: { en: 'K30 adds and updates people one at a time (people.create / people.update).', 'zh-CN': 'K30 逐个添加和修改人员（people.create / people.update）。' },
    realtimeEvents: {
      en: 'K30 posts pass records to the callback URL typed into the K30 software (start the receiver: set-up steps → Callback URL); without it Doorman polls record.list.',
      'zh-CN': 'K30 把通行记录推送到在 K30 软件中配置的回调 URL（启动接收器：设置步骤 → 回调 URL）；未配置时 Doorman 轮询 record.list。',
    },
  },
};

/** device.setLongOpen's `mode`: 1 常开, 2 常关 (no third value). */
const HOLD_MODES: Partial<Record<DoorMode, 1 | 2>> = { 'normally-open': 1, 'normally-closed': 2 };

/** Pass records are read from a local time `yyyy-MM-dd HH:mm:ss` (record.list `addtime`). */
const CURSOR = new SeenCursor<string>({
  key: 'time',
  at: formatDateTime,
  is: (value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value),
  of: (event) => event.occurredAt,
});

/**
 * 门禁软件K30 behind the common interface (issue 14 item 4, begun): the connection test, the
 * inventory — devices (each the door, with its reader's entry/exit direction), departments, regions
 * as access levels —, open door, hold open / hold closed, pass records as events by polling
 * record.list (watch() too), and people writes by K30's own number kept in the store
 * (people-writes.ts). Pass records and per-device push results also arrive by K30's callbacks
 * (callbacks.ts, through the core's push receiver), stored as the same events as the polled ones.
 */
export class K30Adapter {
  readonly vendor = 'k30' as const;
  readonly capabilities = CAPABILITIES;
  readonly client: K30Client;
  private readonly now: () => number;
  /** The K30 software's address, as the connection test reports a TLS failure's certificate for it. */
  private readonly address: string;

  private readonly people: K30People;
  /** 访客管理 (visitor.create / sync / delete): issue 15 item 4. */
  readonly visitors: K30Visitors;
  private topDepartment: string | null = null;
  private syncRegions: { readonly at: number; readonly regions: Promise<AccessLevel[]> } | null = null;

  constructor(options: K30AdapterOptions) {
    this.address = options.baseUrl;
    this.now = options.now ?? Date.now;
    this.client = new K30Client(options);
    const refs = options.personRefs ?? memoryRefs();
    const findNo = async (jobnumber: string, callOptions: CallOptions): Promise<string | null> => {
      const people = await this.client.collect('people.list', {}, { ...callOptions, pageSize: PAGE });
      const found = people.find((item) => toBackendPerson(item)?.pin === jobnumber) as { no?: unknown } | undefined;
      return found?.no === undefined || found.no === null ? null : String(found.no);
    };
    this.visitors = new K30Visitors({
      client: this.client,
      // Online devices only: K30 can delete a visitor only from devices that are online (注意事项), so one pushed to an offline device could never be checked out.
      devices: async (callOptions) => (await this.listDevices(callOptions)).filter((device) => device.online !== false).map((device) => device.id),
      hostNo: async (pin, callOptions) => refs.get(pin) ?? (await findNo(pin, callOptions)),
    });
    this.people = new K30People({
      client: this.client,
      refs,
      findNo,
      defaultDepartment: (callOptions) => this.defaultDepartment(callOptions),
      devicesOf: async (regionIds, callOptions) => {
        const regions = await this.regionsForSync(callOptions);
        return [...new Set(regions.filter((region) => regionIds.includes(region.id)).flatMap((region) => region.doorIds ?? []))];
      },
    });
  }

  /**
   * Counts devices, departments and regions (one row each). Verdicts: unreachable; not K30 (no K30
   * envelope: a page, a proxy, another system); the company number wrong (the reply does not
   * decrypt, a sign does not verify, or K30 refuses the company, the sign or the encryption);
   * the clock (K30 refuses the timestamp, or the server's Date is a minute or more away); ok.
   */
  async testConnection(options: CallOptions = {}): Promise<ConnectionTest> {
    const count = (fact: string, id: string) => async (facts: Record<string, string | number | boolean>) => {
      const page = (await this.client.call(id, { pageindex: 1, pagesize: 1 }, options)) as { total?: number };
      if (typeof page.total === 'number') facts[fact] = page.total;
    };
    this.client.lastSignWarning = null;
    const test = await probeConnection(
      { client: this.client, baseUrl: new URL(this.address), product: 'K30' },
      [count('devices', 'device.list'), count('departments', 'department.list'), count('regions', 'region.list')],
      ({ error, verdict, advice, skew, facts }) => {
        const message = String(error?.details?.['vendorMessage'] ?? '');
        if (CLOCK_MESSAGE.test(message) || (verdict === 'bad-credentials' && skew !== null && Math.abs(skew) >= SKEW_SUSPECT_MS)) {
          facts['product'] = 'K30';
          return { verdict: 'clock-skew', advice: K30_CLOCK_ADVICE };
        }
        if (verdict === 'bad-credentials') {
          facts['product'] = 'K30';
          return { verdict, advice };
        }
        // A refusal K30 did not sign with our number: it answered in another company's.
        if (error?.code === 'vendor_error' && this.client.lastSignWarning?.endpoint === error.endpoint) return { verdict: 'bad-credentials', advice: K30_COMPANY_ADVICE };
        if (verdict === 'not-vendor') return { verdict, advice: advice ?? K30_NOT_K30_ADVICE };
        return { verdict, advice };
      },
    );
    if (test.verdict === 'ok' && this.client.lastSignWarning !== null) test.facts['replySignVerified'] = false;
    return test;
  }

  async listDevices(options: CallOptions = {}): Promise<Device[]> {
    return (await this.devices(options)).map(toDevice);
  }

  /** In K30 the device is the door. */
  async listDoors(options: CallOptions = {}): Promise<Door[]> {
    return (await this.devices(options)).map(toDoor);
  }

  /** Each device's face reader, with its entry/exit direction. */
  async listReaders(options: CallOptions = {}): Promise<Reader[]> {
    return (await this.devices(options)).map(toReader);
  }

  async listDepartments(options: CallOptions = {}): Promise<Department[]> {
    return (await this.client.collect('department.list', {}, { ...options, pageSize: PAGE })).map(toDepartment);
  }

  /** Regions (区域), each with the devices in it; a device list that fails leaves the doors "not read". */
  async listAccessLevels(options: CallOptions = {}): Promise<AccessLevel[]> {
    const regions = await this.client.collect('region.list', {}, { ...options, pageSize: PAGE });
    const devices = await readOrNull(() => this.devices(options));
    return regions.map((region) => toAccessLevel(region, devices));
  }

  /** Every person K30 holds with a job number (Doorman's pin; people.list, under its 60 a minute). */
  async listPeople(options: CallOptions = {}): Promise<BackendPerson[]> {
    return (await this.client.collect('people.list', {}, { ...options, pageSize: PAGE })).flatMap((item) => toBackendPerson(item) ?? []);
  }

  /** The person with this job number: people.list filters by name, number or phone, not job number, so the whole list is read. */
  async findPerson(pin: string, options: CallOptions = {}): Promise<BackendPerson | null> {
    return (await this.listPeople(options)).find((person) => person.pin === pin) ?? null;
  }

  /** device.openDoor opens for the time set on the device: `seconds` is not sent. It is recorded as a pass record with mode 11 远程开门. */
  async openDoor(deviceNo: string, _seconds: number, options: CallOptions = {}): Promise<void> {
    await this.client.call('device.openDoor', { deviceno: deviceNo }, options);
  }

  async closeDoor(): Promise<void> {
    throw unsupported('close a door remotely', CAPABILITIES.notes['closeDoor']);
  }

  /** Hold open (1 常开) or closed (2 常关) with device.setLongOpen; K30 has no value back to normal. */
  async setDoorMode(deviceNo: string, mode: DoorMode, options: CallOptions = {}): Promise<void> {
    const value = HOLD_MODES[mode];
    if (value === undefined) throw unsupported('return a door to normal', NO_RESTORE);
    await this.client.call('device.setLongOpen', { deviceno: deviceNo, mode: value }, options);
  }

  /** By Doorman's pin (K30's job number): K30's own `no` kept in the store, updated, or created; then pushed to the devices of the person's regions (people-writes.ts). */
  async upsertPerson(person: PersonRecord, options: CallOptions = {}): Promise<void> {
    await this.people.upsert(person, options);
  }

  async upsertPersons(persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>, options: BulkOptions = {}): Promise<BulkResult> {
    return this.people.upsertMany(persons, options);
  }

  async deletePerson(pin: string, options: CallOptions = {}): Promise<void> {
    await this.people.delete(pin, options);
  }

  /** The document has no call that checks a face on its own. */
  async checkFacePhoto(_photo: PhotoInput): Promise<FaceCheck> {
    throw unsupported('check a face photo on its own', CAPABILITIES.notes['faceCheck']);
  }

  eventsCursorAt(time: Date): EventCursor {
    return CURSOR.at(time);
  }

  /** Pass records after `cursor`, from its day to today (record.list, month by month), oldest first. */
  async events(cursor: EventCursor | null, options: CallOptions = {}): Promise<EventPage> {
    const { client } = this;
    const today = formatDateTime(new Date(this.now())).slice(0, 10);
    return CURSOR.page(cursor, async function* (from) {
      for await (const item of client.passRecords(from.slice(0, 10), today, {}, { ...options, pageSize: PAGE })) yield { event: toAccessEvent(item), raw: item };
    });
  }

  /** Polling record.list (default every 5 s); the callback receiver, when it runs, delivers the same records sooner. */
  watch(options: WatchOptions): Watcher {
    return watchByPolling((cursor, signal) => this.events(cursor, signal), CURSOR.at(new Date(this.now())), options);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * The regions and their devices people.sync pushes to, read at most once a minute: region.list
   * allows fewer than 60 calls a minute, and a bulk enrolment writes one person at a time.
   */
  private regionsForSync(options: CallOptions): Promise<AccessLevel[]> {
    const now = this.now();
    if (this.syncRegions === null || now - this.syncRegions.at >= REGIONS_FOR_SYNC_MS) {
      const regions = this.listAccessLevels(options);
      this.syncRegions = { at: now, regions };
      regions.catch(() => (this.syncRegions = null));
    }
    return this.syncRegions.regions;
  }

  /** The top of K30's department tree (no parent), where a person without a department goes. */
  private async defaultDepartment(options: CallOptions): Promise<string> {
    if (this.topDepartment !== null) return this.topDepartment;
    const departments = await this.listDepartments(options);
    const top = departments.find((d) => d.parentId === null) ?? departments[0];
    if (!top) {
      throw new DriverError('invalid_params', 'K30 has no department to put the person in.', {
        vendor: 'k30',
        advice: { en: 'K30 requires a department for every person, and it has none. Add a department in the K30 software, then try again.', 'zh-CN': 'K30 要求每个人员都有部门，但当前没有任何部门。请先在 K30 软件中添加部门，然后重试。' },
      });
    }
    this.topDepartment = top.id;
    return top.id;
  }

  private devices(options: CallOptions): Promise<unknown[]> {
    return this.client.collect('device.list', {}, { ...options, pageSize: PAGE });
  }
}

/** Pairs kept for this adapter's life only (a driver made without the store: tests, the CLI's `call`). */
function memoryRefs(): PersonRefs {
  const refs = new Map<string, string>();
  return { get: (pin) => refs.get(pin) ?? null, set: (pin, ref) => void refs.set(pin, ref), forget: (pin) => void refs.delete(pin) };
}

function unsupported(what: string, why: LocalizedText | undefined): DriverError {
  return new DriverError('unsupported', `K30’s API cannot ${what}.`, { vendor: 'k30', advice: why });
}
