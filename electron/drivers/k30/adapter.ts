import type { AccessLevel, ConnectionTest, Department, Device, Door, Reader } from '../../../shared/contract/backends.ts';
import { probeConnection } from '../connection-probe.ts';
import { readOrNull } from '../driver-error.ts';
import { K30Client, type CallOptions, type K30ClientOptions } from './client.ts';
import { CLOCK_MESSAGE, K30_CLOCK_ADVICE, K30_COMPANY_ADVICE, K30_NOT_K30_ADVICE } from './errors.ts';
import { toAccessLevel, toDepartment, toDevice, toDoor, toReader } from './mapping.ts';

/** Clock difference beyond which a refusal is explained as clock skew. */
const SKEW_SUSPECT_MS = 60_000;
const PAGE = 100;

/**
 * 门禁软件K30 behind the common interface — so far its connection test and inventory reads (issue
 * 14 item 4, begun): devices (each the door, with its reader's direction), departments, regions as
 * access levels. Doors, people, events and door modes follow; until then the descriptor
 * (index.ts) loads no driver for K30.
 */
export class K30Adapter {
  readonly vendor = 'k30' as const;
  readonly client: K30Client;
  /** The K30 software's address, as the connection test reports a TLS failure's certificate for it. */
  private readonly address: string;

  constructor(options: K30ClientOptions) {
    this.address = options.baseUrl;
    this.client = new K30Client(options);
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

  async close(): Promise<void> {
    await this.client.close();
  }

  private devices(options: CallOptions): Promise<unknown[]> {
    return this.client.collect('device.list', {}, { ...options, pageSize: PAGE });
  }
}
