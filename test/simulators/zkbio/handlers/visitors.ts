import { ApiFailure } from '../codes.ts';
import { pageItems } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import { asText } from '../request.ts';
import type { VisitorRecord } from '../state.ts';
import { hexId, parseDateTime } from '../time.ts';
import { qrCode } from './persons.ts';

/**
 * Visitors (2.16–2.18). One record per certificate (type + number): a reservation makes it
 * "reserved", a registration "checked in", an exit "checked out". Codes: -253 unknown host,
 * -250 certificate type not 2–8, -251 a national ID (type 2) that is not 18 characters with a valid
 * GB 11643 check digit, -249 an unreadable date, -244 a second reservation for the same day,
 * -245 a reservation for someone checked in (visiting now), -252 a visit that ends before it starts,
 * -248 no such reservation, -255 already checked in, -256 check-out of someone not checked in,
 * -257 unknown visitor, -258 `visitorCount` below 1, -24 an unknown visitor level.
 */
const CERT_TYPES = new Set(['2', '3', '4', '5', '6', '7', '8']);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function isNationalId(text: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(text)) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(text[index]), 0);
  return '10X98765432'[sum % 11] === text[17]?.toUpperCase();
}

function certificate(req: ApiRequest, numberName: string): { certType: string; certNumber: string } {
  const certType = req.require('certType', -241);
  const certNumber = req.require(numberName, -242);
  if (!CERT_TYPES.has(certType)) throw new ApiFailure(-250);
  if (certType === '2' && !isNationalId(certNumber)) throw new ApiFailure(-251);
  return { certType, certNumber };
}

function date(req: ApiRequest, name: string): string {
  const text = req.require(name, -247);
  if (parseDateTime(text) === undefined) throw new ApiFailure(-249);
  return text;
}

function host(req: ApiRequest, ctx: SimContext): string {
  const pin = req.require('persPersonPin', -240);
  if (!ctx.state.person(pin)) throw new ApiFailure(-253);
  return pin;
}

function visitorFor(ctx: SimContext, certType: string, certNumber: string): VisitorRecord | undefined {
  return ctx.state.visitors.find((visitor) => visitor.certType === certType && visitor.certNumber === certNumber);
}

function upsertVisitor(ctx: SimContext, fields: Omit<VisitorRecord, 'id' | 'pin'>): VisitorRecord {
  const existing = visitorFor(ctx, fields.certType, fields.certNumber);
  if (existing) return Object.assign(existing, fields);
  const pin = String(80_000_001 + ctx.state.visitors.length);
  const visitor = { ...fields, id: hexId(`visitor:${pin}`), pin };
  ctx.state.visitors.push(visitor);
  return visitor;
}

const visitorView = (visitor: VisitorRecord) => ({
  id: visitor.id,
  pin: visitor.pin,
  name: visitor.name,
  lastName: visitor.lastName,
  certType: visitor.certType,
  certNumber: visitor.certNumber,
  company: visitor.company,
  carPlate: visitor.carPlate,
  phone: visitor.phone,
  email: visitor.email,
  status: visitor.status,
  enabled: visitor.enabled,
  nationality: visitor.nationality,
  gender: visitor.gender,
});

function base(req: ApiRequest, hostPin: string, nameField: string) {
  return {
    name: req.require(nameField, -243),
    lastName: '',
    company: req.text('company') ?? '',
    carPlate: '',
    phone: req.text('visitEmpPhone') ?? '',
    email: '',
    enabled: true,
    nationality: '',
    gender: '',
    hostPin,
    visitReason: req.require('visitReason', -246),
  };
}

export const VISITOR_HANDLERS: Record<string, Handler> = {
  'visReservation.add': (req, ctx) => {
    const hostPin = host(req, ctx);
    const cert = certificate(req, 'certNum');
    const startTime = date(req, 'visitDate');
    const endTime = date(req, 'visitEndDate');
    if ((parseDateTime(endTime) ?? 0) < (parseDateTime(startTime) ?? 0)) throw new ApiFailure(-252);
    const existing = visitorFor(ctx, cert.certType, cert.certNumber);
    if (existing?.status === 'checked in') throw new ApiFailure(-245);
    if (existing?.status === 'reserved' && existing.startTime.slice(0, 10) === startTime.slice(0, 10)) throw new ApiFailure(-244);
    upsertVisitor(ctx, { ...base(req, hostPin, 'visitEmpName'), ...cert, status: 'reserved', startTime, endTime, levelIds: [] });
    return ok();
  },
  'visReservation.del': (req, ctx) => {
    const cert = certificate(req, 'certNum');
    const day = date(req, 'visitDate').slice(0, 10);
    const visitor = visitorFor(ctx, cert.certType, cert.certNumber);
    if (!visitor || visitor.status !== 'reserved' || visitor.startTime.slice(0, 10) !== day) throw new ApiFailure(-248);
    visitor.status = 'cancelled';
    return ok();
  },
  'visRegistration.add': (req, ctx) => {
    const hostPin = host(req, ctx);
    const cert = certificate(req, 'certNum');
    const count = Number(req.require('visitorCount', -258));
    if (!Number.isInteger(count) || count < 1) throw new ApiFailure(-258);
    const startTime = date(req, 'startTime');
    const endTime = date(req, 'endTime');
    const levelIds = (asText(req.object()['visLevels']) ?? '').split(',').filter((id) => id !== '');
    for (const id of levelIds) if (!ctx.state.level('vis', id)) throw new ApiFailure(-24);
    if (visitorFor(ctx, cert.certType, cert.certNumber)?.status === 'checked in') throw new ApiFailure(-255);
    upsertVisitor(ctx, { ...base(req, hostPin, 'visEmpName'), ...cert, status: 'checked in', startTime, endTime, levelIds });
    return ok();
  },
  'visRegistration.exit': (req, ctx) => {
    const cert = certificate(req, 'certNum');
    const visitor = visitorFor(ctx, cert.certType, cert.certNumber);
    if (!visitor || visitor.status !== 'checked in') throw new ApiFailure(-256);
    visitor.status = 'checked out';
    return ok();
  },
  'visRegistration.getQrCode': (req, ctx) => qrFor(ctx, (visitor) => visitor.pin === req.require('pin', -257)),
  'visRegistration.getQrCode.v2': (req, ctx) => qrFor(ctx, (visitor) => visitor.pin === req.require('pin', -257)),
  'visRegistration.getQrCodeByCertNumber.v2': (req, ctx) => {
    const number = req.require('certNumber', -242);
    const type = req.text('certType');
    return qrFor(ctx, (visitor) => visitor.certNumber === number && (type === undefined || visitor.certType === type));
  },
  'visVisitor.getVisitorList': (req, ctx) => {
    const split = (name: string) => (req.text(name) ?? '').split(',').filter((item) => item !== '');
    const numbers = split('certNumbers');
    const names = split('names');
    const visitors = ctx.state.visitors.filter(
      (visitor) => (numbers.length === 0 || numbers.includes(visitor.certNumber)) && (names.length === 0 || names.includes(visitor.name)),
    );
    return ok(pageItems(visitors, req.paging()).map(visitorView));
  },
};

function qrFor(ctx: SimContext, match: (visitor: VisitorRecord) => boolean) {
  const visitor = ctx.state.visitors.find(match);
  if (!visitor) throw new ApiFailure(-257);
  return ok(qrCode(visitor.pin, ctx.now()));
}
