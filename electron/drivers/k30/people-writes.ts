import type { BulkOptions, BulkResult, PersonRecord, PersonRefs } from '../../backends/backend.ts';
import { DriverError } from '../driver-error.ts';
import { upsertOneByOne } from '../one-by-one.ts';
import type { K30Client, CallOptions } from './client.ts';
import { encodeK30Photo } from './photo-rules.ts';

/** What people writes read from the rest of the adapter. */
interface K30PeopleDeps {
  readonly client: K30Client;
  readonly refs: PersonRefs;
  /** K30's `no` of the person with this job number, read from people.list (it filters by no, not job number). */
  readonly findNo: (jobnumber: string, options: CallOptions) => Promise<string | null>;
  /** The department a person without one goes to: the top of K30's tree. */
  readonly defaultDepartment: (options: CallOptions) => Promise<string>;
  /** The devices of these regions (access levels). */
  readonly devicesOf: (regionIds: readonly string[], options: CallOptions) => Promise<string[]>;
}

/**
 * People written at once by a bulk upsert. The document limits the rate of people.list, region.list
 * and region.peopleList only ("请求频率小于60次/分钟", kept by the client's rate window, which the
 * writes in flight share); people.create / people.update / people.sync have no stated limit. A few
 * at once keep the K30 software and Doorman both busy (sealing one person while K30 opens another)
 * without flooding an installation's server.
 */
export const K30_WRITES_IN_FLIGHT = 4;

const SEX: Readonly<Record<'M' | 'F', string>> = { M: '1', F: '2' };

/**
 * people.create / people.update / people.delete / people.sync for Doorman's people (issue 14 item 4).
 * K30 addresses a person by the `no` people.create returns and requires `jobnumber` (Doorman's pin)
 * and `deptno`; the pin ↔ `no` pairs are kept in the store (`refs`), so re-enrolling updates the
 * person. A kept `no` K30 no longer knows (deleted in K30 by hand) is forgotten and the person
 * created again; a create K30 refuses for a job number it already holds (added in the K30 software,
 * or a pair lost) finds that person and updates it. After each write the person is pushed to the
 * devices of their regions with people.sync (its per-device result comes by the authstatus callback).
 */
export class K30People {
  private readonly deps: K30PeopleDeps;

  constructor(deps: K30PeopleDeps) {
    this.deps = deps;
  }

  async upsert(person: PersonRecord, options: CallOptions = {}): Promise<void> {
    const { client, refs } = this.deps;
    const body = await this.body(person, options);
    let no = refs.get(person.pin);
    if (no !== null && !(await this.update(no, body, options))) {
      refs.forget(person.pin);
      no = null;
    }
    if (no === null) no = await this.create(person.pin, body, options);
    refs.set(person.pin, no);
    const regions = person.accessLevelIds ?? [];
    if (regions.length === 0) return;
    const devices = await this.deps.devicesOf(regions, options);
    if (devices.length > 0) await client.call('people.sync', { no, device_nos: devices.join(',') }, options);
  }

  upsertMany(persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>, options: BulkOptions = {}): Promise<BulkResult> {
    return upsertOneByOne(persons, (person) => this.upsert(person, { signal: options.signal }), { ...options, inFlight: K30_WRITES_IN_FLIGHT });
  }

  /** Deletes by the kept `no`, or the one people.list shows for the job number; none there is done already. */
  async delete(pin: string, options: CallOptions = {}): Promise<void> {
    const { client, refs } = this.deps;
    const no = refs.get(pin) ?? (await this.deps.findNo(pin, options));
    if (no === null) return;
    try {
      await client.call('people.delete', { no }, options);
    } catch (error) {
      // Gone already (deleted in K30 by hand): nothing left to delete.
      if (!(error instanceof DriverError && error.code === 'vendor_error') || (await this.exists(no, options))) throw error;
    }
    refs.forget(pin);
  }

  private async body(person: PersonRecord, options: CallOptions): Promise<Record<string, unknown>> {
    const name = person.lastName ? `${person.lastName}${person.name}` : person.name;
    const body: Record<string, unknown> = {
      name,
      jobnumber: person.pin,
      deptno: person.departmentId ?? (await this.deps.defaultDepartment(options)),
    };
    if (person.gender) body['sex'] = SEX[person.gender];
    if (person.phone) body['phone'] = person.phone;
    if (person.idNumber) body['idcard'] = person.idNumber;
    if (person.cardNo) body['iccard'] = person.cardNo;
    if (person.validFrom) body['startdate'] = person.validFrom;
    if (person.validTo) body['effdate'] = person.validTo;
    if (person.photo) body['photo'] = await encodeK30Photo(person.photo, person.pin);
    return body;
  }

  /** people.update; false when K30 refused it because it no longer has that `no`. */
  private async update(no: string, body: Record<string, unknown>, options: CallOptions): Promise<boolean> {
    try {
      await this.deps.client.call('people.update', { no, ...body }, options);
      return true;
    } catch (error) {
      if (error instanceof DriverError && error.code === 'vendor_error' && !(await this.exists(no, options))) return false;
      throw error;
    }
  }

  /** people.create's new `no`; a job number K30 already holds is that person, updated. */
  private async create(pin: string, body: Record<string, unknown>, options: CallOptions): Promise<string> {
    try {
      const created = (await this.deps.client.call('people.create', body, options)) as { no: string };
      return created.no;
    } catch (error) {
      if (!(error instanceof DriverError && error.code === 'vendor_error')) throw error;
      const no = await this.deps.findNo(pin, options);
      if (no === null) throw error;
      await this.deps.client.call('people.update', { no, ...body }, options);
      return no;
    }
  }

  /** Whether K30 still has the person with this `no` (people.list filters by it exactly). */
  private async exists(no: string, options: CallOptions): Promise<boolean> {
    const page = (await this.deps.client.call('people.list', { pageindex: 1, pagesize: 1, no }, options)) as { data?: unknown[] };
    return (page.data?.length ?? 0) > 0;
  }
}
