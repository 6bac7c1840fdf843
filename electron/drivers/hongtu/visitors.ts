import type { BackendVisitor, PhotoInput, Signal, VisitorDesk, VisitorRecord, VisitorRegistration } from '../../backends/backend.ts';
import { DriverError, type LocalizedText } from '../driver-error.ts';
import { fields, text } from '../record-fields.ts';
import { throwOnFailures } from './batch-result.ts';
import type { HongtuClient } from './client.ts';

/** person.batchAdd `type` (hongtu.md §6, §8.3): 2 访客 visitor. */
export const HONGTU_VISITOR_TYPE = 2;
/** 100009 未找到记录: the host (or a group) Hongtu does not know. */
const NOT_FOUND = 100009;
/** `visitType`: 1 普通访客 ordinary visitor (2 would be VIP). */
const ORDINARY_VISITOR = 1;

/** The document's formats for the visitor fields Doorman fills (person.batchAdd, §6). */
const RULES = {
  /** 身份证号: letters and digits, 1–32. */
  identifyNum: /^[A-Za-z0-9]{1,32}$/,
  /** 手机号: digits, 6–18. */
  phone: /^\d{6,18}$/,
  /** 访客所属单位: Chinese characters, letters, digits, 1–40 (no spaces, no punctuation). */
  visitFirm: /^[\u4e00-\u9fa5A-Za-z0-9]{1,40}$/,
} as const;

const ADVICE: Readonly<Record<'identifyNum' | 'phone' | 'visitFirm' | 'visitedUuid', LocalizedText>> = {
  identifyNum: {
    en: 'Hongtu takes an ID-card number of letters and digits only, at most 32 (identifyNum). Type it without spaces or dashes.',
    'zh-CN': '鸿图的身份证号只能包含字母和数字，最多 32 位（identifyNum）。请去掉空格和横线后重新填写。',
  },
  phone: {
    en: 'Hongtu takes a mobile number of 6 to 18 digits (phone), without “+” or spaces. Type the digits only.',
    'zh-CN': '鸿图的手机号须为 6 到 18 位数字（phone），不能含“+”或空格。请只填写数字。',
  },
  visitFirm: {
    en: 'Hongtu takes a company of Chinese characters, letters and digits only, at most 40 (visitFirm): no spaces or punctuation. Shorten it, e.g. “AcmeLtd”.',
    'zh-CN': '鸿图的访客单位只能包含汉字、字母和数字，最多 40 个字（visitFirm），不能有空格或标点。请修改，例如“某某公司”。',
  },
  visitedUuid: {
    en: 'The host must be a person on this Hongtu (Hongtu needs the host’s uuid, visitedUuid). Pick a host enrolled on it, or enroll the host first.',
    'zh-CN': '被访人必须是此鸿图上的人员（鸿图需要被访人的 uuid，visitedUuid）。请选择已在此鸿图上登记的人员，或先登记被访人。',
  },
};

function refused(field: keyof typeof ADVICE, message: string): DriverError {
  return new DriverError('invalid_params', message, { vendor: 'hongtu', endpoint: 'person.batchAdd', details: { field }, advice: ADVICE[field] });
}

/**
 * One visitor of person.batchAdd (§6): `type` 2 with the three fields a visitor must have —
 * `visitStartTimeStamp`, `visitEndTimeStamp` (epoch ms) and `visitedUuid` (the host's uuid) —, the
 * ordinary `visitType` 1, and what was typed: `visitReason` (any text, 1–255), `visitFirm`, `phone`,
 * and the document number as `identifyNum` (身份证号) only for a national ID card, the one document
 * the field names. A field Hongtu's format would refuse is refused here, with advice, before any call.
 */
export function visitorBody(visitor: VisitorRecord, hostUuid: string, imageUri?: string, groups: readonly string[] = []): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: HONGTU_VISITOR_TYPE,
    name: visitor.name,
    visitStartTimeStamp: visitor.starts.getTime(),
    visitEndTimeStamp: visitor.ends.getTime(),
    visitedUuid: hostUuid,
    visitType: ORDINARY_VISITOR,
  };
  if (visitor.reason) body['visitReason'] = visitor.reason;
  if (visitor.company) {
    if (!RULES.visitFirm.test(visitor.company)) throw refused('visitFirm', `Hongtu refuses the company “${visitor.company}” (visitFirm: Chinese characters, letters, digits, 1–40).`);
    body['visitFirm'] = visitor.company;
  }
  if (visitor.phone) {
    if (!RULES.phone.test(visitor.phone)) throw refused('phone', 'Hongtu takes a phone of 6–18 digits only.');
    body['phone'] = visitor.phone;
  }
  if (visitor.idNumber && visitor.idType === 'national-id') {
    if (!RULES.identifyNum.test(visitor.idNumber)) throw refused('identifyNum', 'Hongtu takes an ID-card number of letters and digits only (identifyNum, 1–32).');
    body['identifyNum'] = visitor.idNumber;
  }
  if (imageUri) body['imageUri'] = imageUri;
  if (groups.length > 0) body['groupList'] = [...groups];
  return body;
}

interface HongtuVisitorsDeps {
  readonly client: HongtuClient;
  /** The uuid of the person with this personnel number (Hongtu's `code`), or null when Hongtu has none. */
  readonly hostUuid: (pin: string, options: Signal) => Promise<string | null>;
  /** person/uploadImage: the face's uri (flow §4.1 step 1). */
  readonly uploadImage: (photo: PhotoInput, options: Signal) => Promise<string>;
  /** Drops a stored host uuid Hongtu no longer knows (100009 未找到记录), so the next try looks it up. */
  readonly forgetHost?: (pin: string) => void;
  readonly now?: () => number;
}

/**
 * Hongtu's visitors (hongtu.md §4.1 step 1, §6): a visitor is a person of type 2, added with
 * person.batchAdd, in every visitor group (pass groups of type 2, whose authorities are the doors
 * visitors may pass); the face goes up first (person/uploadImage → imageUri). Their pass records carry
 * their `personUuid` (a visitor has no employee code), which is the pin the event mapping gives them.
 *
 * Check-out ends the visit now: person.update with `visitEndTimeStamp` = now. The document lets a
 * visitor's end time be updated (person.update), after which person/list reports them invalid
 * (`visitedStatus` false) and the devices stop letting them through, while the person and their
 * pass records stay in Hongtu (deleting them would leave the records without a visitor). A visit
 * that has not begun cannot end before it starts (121040), so such a booking is deleted instead
 * (person.batchDelete).
 */
export class HongtuVisitors implements VisitorDesk {
  readonly photos = true;
  private readonly deps: HongtuVisitorsDeps;
  private readonly now: () => number;

  constructor(deps: HongtuVisitorsDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
  }

  async register(visitor: VisitorRecord, options: Signal = {}): Promise<VisitorRegistration> {
    const hostUuid = await this.deps.hostUuid(visitor.hostPin, options);
    if (hostUuid === null) throw refused('visitedUuid', `Hongtu has no person with the personnel number ${visitor.hostPin} to visit.`);
    // Checked before the photo goes up: a form Hongtu would refuse uploads nothing.
    visitorBody(visitor, hostUuid);
    const imageUri = visitor.photo ? await this.deps.uploadImage(visitor.photo, options) : undefined;
    // The doors a visitor may pass are those the platform's visitor groups (pass groups of type 2,
    // flow §4.1 step 2 访客组) hold an authority on: the visitor joins them all.
    const groups = (await this.deps.client.collect('passGroup.list', { type: HONGTU_VISITOR_TYPE }, { ...options, pageSize: 200 })).flatMap((group) => {
      const uuid = text(fields(group)['uuid']);
      return uuid === null ? [] : [uuid];
    });
    let result: unknown;
    try {
      result = throwOnFailures(await this.deps.client.call('person.batchAdd', { personList: [visitorBody(visitor, hostUuid, imageUri, groups)] }, options), 'person.batchAdd');
    } catch (error) {
      if (error instanceof DriverError && error.vendorCode === NOT_FOUND) this.deps.forgetHost?.(visitor.hostPin);
      throw error;
    }
    const successes = fields(result)['successes'];
    const uuid = Array.isArray(successes) ? text(fields(successes[0])['uuid']) : null;
    if (!uuid) throw new DriverError('schema_mismatch', 'person/batchAdd answered no uuid for the visitor.', { vendor: 'hongtu', endpoint: 'person.batchAdd' });
    return { ref: uuid, pin: uuid };
  }

  async checkOut(visitor: VisitorRecord & VisitorRegistration, options: Signal = {}): Promise<void> {
    const now = this.now();
    if (now <= visitor.starts.getTime()) {
      throwOnFailures(await this.deps.client.call('person.batchDelete', { uuidList: [visitor.ref] }, options), 'person.batchDelete');
      return;
    }
    if (now < visitor.ends.getTime()) await this.deps.client.call('person.update', { uuid: visitor.ref, visitEndTimeStamp: now }, options);
  }

  /** The visitors Hongtu holds (person/list type 2), valid or not (`visitedStatus`). */
  async list(options: Signal = {}): Promise<BackendVisitor[]> {
    const items = await this.deps.client.collect('person.list', { type: HONGTU_VISITOR_TYPE }, { ...options, pageSize: 200 });
    return items.map((item) => {
      const f = fields(item);
      const status = f['visitedStatus'];
      return { pin: text(f['uuid']), name: text(f['name']) ?? '', idNumber: text(f['identifyNum']), status: typeof status === 'boolean' ? (status ? 'valid' : 'invalid') : null };
    });
  }
}
