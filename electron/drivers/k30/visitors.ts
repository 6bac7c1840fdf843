import type { Signal, VisitorDesk, VisitorRecord, VisitorRegistration } from '../../backends/backend.ts';
import { DriverError, type LocalizedText } from '../driver-error.ts';
import type { K30Client } from './client.ts';
import { encodeK30Photo } from './photo-rules.ts';

const NEEDS: Readonly<Record<'idcard' | 'phone', LocalizedText>> = {
  idcard: {
    en: 'K30 requires the visitor’s ID-document number (idcard, visitor.create). Type the document number.',
    'zh-CN': 'K30 要求填写访客证件号（idcard，visitor.create）。请填写证件号码。',
  },
  phone: {
    en: 'K30 requires the visitor’s mobile phone number (phone, visitor.create). Type the phone number.',
    'zh-CN': 'K30 要求填写访客手机号码（phone，visitor.create）。请填写手机号码。',
  },
};

/**
 * The data of visitor.create (k30.md, 访客登记): `name`, `phone`, `staffno` (the host's person
 * number, 人员编号: K30's own `no` of the host, as record.list's `peopleno` is, not the job number), `begintime`/`endtime` 'yyyy-MM-dd HH:mm:ss' and
 * `idcard` required; `reason` and `photo` (full base64, or a URL) optional. K30 has no document type.
 */
export async function createBody(visitor: VisitorRecord, hostNo: string): Promise<Record<string, unknown>> {
  if (!visitor.idNumber) throw missing('idcard');
  if (!visitor.phone) throw missing('phone');
  const body: Record<string, unknown> = {
    name: visitor.name,
    phone: visitor.phone,
    staffno: hostNo,
    begintime: visitor.validFrom,
    endtime: visitor.validTo,
    idcard: visitor.idNumber,
  };
  if (visitor.reason) body['reason'] = visitor.reason;
  if (visitor.photo) body['photo'] = await encodeK30Photo(visitor.photo, visitor.name);
  return body;
}

function missing(field: 'idcard' | 'phone'): DriverError {
  return new DriverError('invalid_params', `K30 needs ${field} to register a visitor.`, { vendor: 'k30', endpoint: 'visitor.create', details: { field }, advice: NEEDS[field] });
}

interface K30VisitorsDeps {
  readonly client: K30Client;
  /** The devices a visitor is pushed to: every online device K30 lists (K30 has no visitor levels). */
  readonly devices: (options: Signal) => Promise<string[]>;
  /** K30's own `no` of the person with this job number (Doorman's pin), or null when K30 has none. */
  readonly hostNo: (pin: string, options: Signal) => Promise<string | null>;
}

/**
 * K30's 访客管理: visitor.create answers the registration number `no`; visitor.sync pushes it to the
 * online devices (`devicenos`, comma-separated); visitor.delete ends it and removes it from the devices,
 * which must be online (注意事项). The API has no visitor list. A K30 visitor's passes carry that
 * `no` as `peopleno` (group 10 访客), which the event mapping takes as the person's id.
 */
export class K30Visitors implements VisitorDesk {
  readonly photos = true;
  private readonly deps: K30VisitorsDeps;

  constructor(deps: K30VisitorsDeps) {
    this.deps = deps;
  }

  async register(visitor: VisitorRecord, options: Signal = {}): Promise<VisitorRegistration> {
    const { client } = this.deps;
    const hostNo = await this.deps.hostNo(visitor.hostPin, options);
    if (hostNo === null) {
      throw new DriverError('invalid_params', `K30 has no person with the job number ${visitor.hostPin} to visit.`, {
        vendor: 'k30',
        endpoint: 'visitor.create',
        details: { field: 'staffno', pin: visitor.hostPin },
        advice: { en: 'The host must be a person on this K30. Pick a host enrolled on it, or enroll the host first.', 'zh-CN': '被访人必须是此 K30 上的人员。请选择已在此 K30 上登记的人员，或先登记被访人。' },
      });
    }
    const created = (await client.call('visitor.create', await createBody(visitor, hostNo), options)) as { no: string };
    const devices = await this.deps.devices(options);
    if (devices.length > 0) await client.call('visitor.sync', { no: created.no, devicenos: devices.join(',') }, options);
    return { ref: created.no, pin: created.no };
  }

  async checkOut(visitor: VisitorRecord & VisitorRegistration, options: Signal = {}): Promise<void> {
    await this.deps.client.call('visitor.delete', { no: visitor.ref }, options);
  }
}
