import type { BackendVisitor, Signal, VisitorDesk, VisitorIdType, VisitorRecord, VisitorRegistration } from '../../backends/backend.ts';
import { DriverError, type LocalizedText } from '../driver-error.ts';
import type { ZkbioClient } from './client.ts';
import type { Visitor } from './records.ts';

/**
 * §2.18 certType: "2 national ID card, 3 passport, 4 driver's license, 5 work permit, 6 real-name
 * card, 7 driving license, 8 others" (the visitor sections' list; 2.14.10's is shifted by one).
 */
export const ZKBIO_CERT_TYPES: Readonly<Record<VisitorIdType, string>> = {
  'national-id': '2',
  passport: '3',
  'drivers-license': '4',
  'work-permit': '5',
  other: '8',
};

const NEEDS_ID: LocalizedText = {
  en: 'ZKBio registers a visitor by their ID document: type the document number (certNum is required, §2.18.1).',
  'zh-CN': 'ZKBio 按证件登记访客：请填写证件号码（certNum 为必填，§2.18.1）。',
};
const NEEDS_REASON: LocalizedText = {
  en: 'ZKBio requires the reason for the visit (visitReason, §2.18.1). Type a reason.',
  'zh-CN': 'ZKBio 要求填写来访事由（visitReason，§2.18.1）。请填写事由。',
};

/** The body of visRegistration.add (§2.18.1), field names as the document spells them (`visEmpName`). */
export function registrationBody(visitor: VisitorRecord): Record<string, unknown> {
  if (!visitor.idNumber) throw missing('certNum', NEEDS_ID);
  if (!visitor.reason) throw missing('visitReason', NEEDS_REASON);
  const body: Record<string, unknown> = {
    persPersonPin: visitor.hostPin,
    certType: ZKBIO_CERT_TYPES[visitor.idType],
    certNum: visitor.idNumber,
    visEmpName: visitor.name,
    visitReason: visitor.reason,
    visitorCount: '1',
    startTime: visitor.validFrom,
    endTime: visitor.validTo,
  };
  if (visitor.phone) body['visitEmpPhone'] = visitor.phone;
  if (visitor.company) body['company'] = visitor.company;
  return body;
}

function missing(field: string, advice: LocalizedText, endpoint = 'visRegistration.add'): DriverError {
  return new DriverError('invalid_params', `ZKBio needs ${field} to register a visitor.`, { vendor: 'zkbio', endpoint, details: { field }, advice });
}

function toBackendVisitor(item: Visitor): BackendVisitor {
  return { pin: item.pin ?? null, name: item.name ?? '', idNumber: item.certNumber ?? null, status: typeof item.status === 'string' ? item.status : null };
}

/**
 * The body of visReservation.add (§2.16.1): the reservation's own key for the visitor's name,
 * `visitEmpName` (2.18.1 spells it `visEmpName`), and `visitDate` / `visitEndDate` in
 * 'yyyy-MM-dd HH:mm:ss' (the document's 'yyyy-MM-dd mm:hh:ss' is a typo, per its example).
 */
export function reservationBody(visitor: VisitorRecord): Record<string, unknown> {
  if (!visitor.idNumber) throw missing('certNum', NEEDS_ID, 'visReservation.add');
  if (!visitor.reason) throw missing('visitReason', NEEDS_REASON, 'visReservation.add');
  const body: Record<string, unknown> = {
    persPersonPin: visitor.hostPin,
    certType: ZKBIO_CERT_TYPES[visitor.idType],
    certNum: visitor.idNumber,
    visitEmpName: visitor.name,
    visitReason: visitor.reason,
    visitDate: visitor.validFrom,
    visitEndDate: visitor.validTo,
  };
  if (visitor.phone) body['visitEmpPhone'] = visitor.phone;
  if (visitor.company) body['company'] = visitor.company;
  return body;
}

/** A reservation's ref: `reservation:` + certificate type, number and visit date (what visReservation.del takes). */
const RESERVATION = 'reservation:';

/**
 * ZKBio's visitors: today's visitor is registered (§2.18: check-in with visRegistration.add,
 * check-out with visRegistration.exit by certificate type and number); a visit that starts on a
 * later day is booked (§2.16: visReservation.add, cancelled with visReservation.del by certificate
 * and visit date; -244 a reservation already made, -245 the visitor is visiting now, -248 no such
 * reservation). Neither add answers data, so the visitor's pin (the id their passes carry) is read
 * back from visVisitor.getVisitorList by certificate number. Neither takes a photo.
 */
export class ZkbioVisitors implements VisitorDesk {
  readonly photos = false;
  private readonly client: ZkbioClient;

  constructor(client: ZkbioClient) {
    this.client = client;
  }

  async register(visitor: VisitorRecord, options: Signal = {}): Promise<VisitorRegistration> {
    const certType = ZKBIO_CERT_TYPES[visitor.idType];
    if (visitor.laterDay) {
      await this.client.call('visReservation.add', reservationBody(visitor), options);
      return { ref: `${RESERVATION}${certType}:${visitor.idNumber ?? ''}:${visitor.validFrom}`, pin: await this.pinOf(visitor, certType, options), reserved: true };
    }
    await this.client.call('visRegistration.add', registrationBody(visitor), options);
    return { ref: `${certType}:${visitor.idNumber ?? ''}`, pin: await this.pinOf(visitor, certType, options) };
  }

  /** A registration is checked out (visRegistration.exit); a reservation is deleted (visReservation.del). */
  async checkOut(visitor: VisitorRecord & VisitorRegistration, options: Signal = {}): Promise<void> {
    if (!visitor.idNumber) throw missing('certNum', NEEDS_ID);
    const certType = ZKBIO_CERT_TYPES[visitor.idType];
    if (visitor.ref.startsWith(RESERVATION)) {
      await this.client.call('visReservation.del', { certType, certNum: visitor.idNumber, visitDate: visitor.validFrom }, options);
      return;
    }
    await this.client.call('visRegistration.exit', { certType, certNum: visitor.idNumber }, options);
  }

  async list(options: Signal = {}): Promise<BackendVisitor[]> {
    return ((await this.client.collect('visVisitor.getVisitorList', {}, { ...options, pageSize: 1000 })) as Visitor[]).map(toBackendVisitor);
  }

  private async pinOf(visitor: VisitorRecord, certType: string, options: Signal): Promise<string | null> {
    const listed = (await this.client.call('visVisitor.getVisitorList', { pageNo: 1, pageSize: 100, certNumbers: visitor.idNumber }, options)) as Visitor[];
    const found = listed.find((item) => item.certNumber === visitor.idNumber && (item.certType === undefined || item.certType === null || item.certType === certType));
    return found?.pin ?? null;
  }
}
