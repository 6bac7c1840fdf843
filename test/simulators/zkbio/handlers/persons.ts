import { createHash } from 'node:crypto';
import { ApiFailure } from '../codes.ts';
import { MIN_FACE_PIXELS, decodePhoto, inspectImage } from '../images.ts';
import { pageItems, pagedObject } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import { asText } from '../request.ts';
import type { PersonRecord } from '../state.ts';
import { formatDate } from '../time.ts';
import { personBasicView, personFullView, personPhotoView } from '../views.ts';
import { applyPerson, readPerson, readPhoto, readPin } from './person-writes.ts';
import type { PersonFieldSet } from './person-writes.ts';

/** Persons (2.14). Writes are in person-writes.ts; this file routes and reads. */

function found(ctx: SimContext, pin: string): PersonRecord {
  const person = ctx.state.person(pin);
  if (!person) throw new ApiFailure(-22);
  return person;
}

function upsert(set: PersonFieldSet, reinstate = false): Handler {
  return (req, ctx) => {
    const patch = readPerson(ctx, req.object(), set, new Map(), reinstate);
    applyPerson(ctx, patch);
    return ok();
  };
}

function remove(ctx: SimContext, pin: string): void {
  ctx.state.persons.delete(pin);
  ctx.state.bioTemplates.splice(0, ctx.state.bioTemplates.length, ...ctx.state.bioTemplates.filter((template) => template.pin !== pin));
}

/** 2.14.6/2.14.12 filters: comma-separated `pins` and `deptCodes` (from the example; §8.7 item 42). */
function selected(req: ApiRequest, ctx: SimContext): PersonRecord[] {
  const body = req.object();
  const list = (name: string) => (asText(body[name]) ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  const pins = list('pins');
  const depts = list('deptCodes');
  return ctx.state
    .activePersons()
    .filter((person) => (pins.length === 0 || pins.includes(person.pin)) && (depts.length === 0 || depts.includes(person.deptCode)));
}

/**
 * 2.14.16 detectFace, in this order: -27 not base64 JPEG/PNG, -5001 below 80 000 pixels,
 * -5006 greyscale, then any verdict a test set for this image's sha256 (e.g. -5002 no face,
 * `simulator.setFaceVerdict`), else success.
 */
function detectFace(req: ApiRequest, ctx: SimContext) {
  const bytes = decodePhoto(req.require('personPhoto', -27));
  const info = bytes ? inspectImage(bytes) : undefined;
  if (!info) throw new ApiFailure(-27);
  if (info.width * info.height < MIN_FACE_PIXELS) throw new ApiFailure(-5001);
  if (!info.color) throw new ApiFailure(-5006);
  const verdict = ctx.state.faceVerdicts.get(info.sha256);
  if (verdict !== undefined && verdict !== 0) throw new ApiFailure(verdict);
  return ok();
}

/** A dynamic QR code as the document shows them: `2#` + base64. */
export function qrCode(pin: string, now: Date): string {
  return `2#${createHash('sha256').update(`${pin}:${Math.floor(now.getTime() / 30_000)}`).digest('base64').slice(0, 43)}=`;
}

export const PERSON_HANDLERS: Record<string, Handler> = {
  'person.add': upsert('add'),
  'person.addPersonnelBasicInfo': upsert('basic'),
  'person.reinstated': upsert('full', true),
  /**
   * 2.14.14: an array of persons, upserted by pin (a pin twice in one batch: the later element
   * wins). The document gives no batch limit and the simulator applies none. All or nothing: the
   * first failing element's code answers and nothing is written.
   */
  'person.addPersons.v2': (req, ctx) => {
    const claimed = new Map<string, string>();
    const patches = req.items().map((item) => readPerson(ctx, item, 'full', claimed));
    for (const patch of patches) applyPerson(ctx, patch);
    return ok();
  },
  'person.updatePersonnelPhoto': (req, ctx) => {
    const person = found(ctx, readPin(req.object()['pin']));
    const photo = req.object()['personPhoto'];
    // "If no value is transferred, no processing will be performed" (2.14.11).
    if (photo !== undefined && photo !== null && photo !== '') person.photo = readPhoto(photo, ctx.keepPhotos);
    return ok();
  },
  'person.detectFace.v2': detectFace,

  'person.get': (req, ctx) => ok(personBasicView(ctx.state, found(ctx, req.require('pin')))),
  'person.get.v2': (req, ctx) => ok(personPhotoView(ctx.state, found(ctx, req.require('pin')))),
  'person.getPersonList': (req, ctx) =>
    ok(pageItems(selected(req, ctx), req.paging()).map((person) => ({ ...personPhotoView(ctx.state, person), personPhoto: '' }))),
  'person.getPersonList.v2': (req, ctx) => ok(pagedObject(selected(req, ctx).map((person) => personFullView(ctx.state, person)), req.paging())),

  'person.delete': (req, ctx) => {
    remove(ctx, found(ctx, req.require('pin')).pin);
    return ok();
  },
  'person.delete.v2': (req, ctx) => {
    remove(ctx, found(ctx, req.require('pin')).pin);
    return ok();
  },
  // 2.14.15: pins that do not exist are skipped.
  'person.deleteByPins.v2': (req, ctx) => {
    const pins = req.require('pins', -81).split(',').map((pin) => pin.trim()).filter((pin) => pin !== '');
    if (pins.length === 0) throw new ApiFailure(-81);
    for (const pin of pins) if (ctx.state.person(pin)) remove(ctx, pin);
    return ok();
  },
  // 2.14.9: the person leaves the personnel list until 2.14.13 reinstates them.
  'person.leave': (req, ctx) => {
    const body = req.object();
    const person = found(ctx, readPin(body['pin']));
    const date = asText(body['leaveDate']);
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ApiFailure(-100);
    person.leaveDate = date ?? formatDate(ctx.now());
    return ok(null);
  },
  'person.getQrCode': (req, ctx) => ok(qrCode(found(ctx, req.require('pin')).pin, ctx.now())),
  'person.getQrCode.v2': (req, ctx) => ok(qrCode(found(ctx, req.require('pin')).pin, ctx.now())),
};
