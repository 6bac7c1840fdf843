import { z } from 'zod';
import type { EventLog, TransactionRecord } from './events.ts';
import type { SimState } from './state.ts';

/**
 * A person (or an unknown card) at a reader: what `simulator.emitTransaction` and
 * `POST /__sim/transactions` add to the access log. A known pin gives eventNo 0 "Normal Verify
 * Open" (the document's example text); a card nobody holds gives "card is not registered". A
 * visitor's pin (visVisitor) passes like a person while they are checked in (visRegistration.add)
 * and is refused like an unknown one while only reserved or after they checked out.
 */
export const WalkThroughSchema = z.strictObject({
  /** Door id or name; the first door when omitted. */
  door: z.string().optional(),
  pin: z.string().optional(),
  cardNo: z.string().optional(),
  reader: z.enum(['in', 'out']).optional(),
  verifyModeName: z.string().optional(),
  eventNo: z.number().int().optional(),
  eventName: z.string().optional(),
  eventLevel: z.number().int().min(0).max(2).optional(),
  /** Event time as epoch ms; the simulator's clock when omitted. */
  at: z.number().int().optional(),
  capturePhotoBase64: z.string().optional(),
});
export type WalkThrough = z.infer<typeof WalkThroughSchema>;

export function walkThrough(state: SimState, events: EventLog, input: WalkThrough): TransactionRecord {
  const door = input.door === undefined ? state.doors[0] : (state.doorById(input.door) ?? state.doorByName(input.door));
  if (!door) throw new Error(`no door ${input.door ?? '(none in the site)'}`);
  const device = state.deviceById(door.deviceId);
  if (!device) throw new Error(`door ${door.name} has no device`);
  const readerState = input.reader === 'out' ? 1 : 0;
  const reader = state.readers.find((candidate) => candidate.doorId === door.id && candidate.readerState === readerState);
  const person = input.pin !== undefined ? state.person(input.pin) : input.cardNo !== undefined ? state.person(state.cardOwner(input.cardNo) ?? '') : undefined;
  const visitor = person === undefined && input.pin !== undefined ? state.visitors.find((candidate) => candidate.pin === input.pin) : undefined;
  const checkedIn = visitor?.status === 'checked in';
  const known = person !== undefined || checkedIn;
  return events.append({
    stream: 'acc',
    ...(input.at !== undefined ? { at: input.at } : {}),
    pin: person?.pin ?? input.pin ?? '',
    name: person?.name ?? visitor?.name ?? '',
    lastName: person?.lastName ?? '',
    deptName: person ? state.deptName(person.deptCode) : '',
    areaName: state.areaOf(device)?.name ?? '',
    cardNo: input.cardNo ?? '',
    devSn: device.sn,
    devName: device.name,
    verifyModeName: input.verifyModeName ?? (input.cardNo !== undefined ? 'Card' : 'Face'),
    eventName: input.eventName ?? (known ? 'Normal Verify Open' : 'card is not registered'),
    eventPointName: door.name,
    readerName: reader?.name ?? '',
    accZone: null,
    eventNo: input.eventNo ?? (known ? 0 : 27),
    eventLevel: input.eventLevel ?? (known ? 0 : 1),
    doorName: door.name,
    doorNumber: door.doorNo,
    readerState,
    capturePhotoBase64: input.capturePhotoBase64 ?? '',
    gateType: null,
  });
}
