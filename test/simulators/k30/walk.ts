import { z } from 'zod';
import { localTimeOf } from '../common/local-time.ts';
import type { PassRecord, SimState } from './state.ts';

/**
 * A person (or a stranger) at a face terminal: what `simulator.emitPassRecord` and
 * `POST /__sim/pass-records` add to the records record.list reads. A person who was pushed to the
 * device (people.sync) and is inside their validity passes (exceptionmode 1); anyone else, and a
 * stranger (group 1), is refused (exceptionmode 0). mode 0 智能识别 unless given.
 */
export const WalkThroughSchema = z.strictObject({
  /** Device number; the first online device when omitted. */
  deviceno: z.string().optional(),
  /** Person number; the first person pushed to the device when omitted (unless `stranger`). */
  peopleno: z.string().optional(),
  stranger: z.boolean().optional(),
  /** record.list `mode` (0 智能识别, 2 人卡模式, 7 密码开门, …). */
  mode: z.number().int().optional(),
  /** Epoch ms; the simulator's clock when omitted. */
  at: z.number().int().optional(),
});
export type WalkThrough = z.infer<typeof WalkThroughSchema>;

function epochOf(dateTime: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(dateTime);
  return match ? localTimeOf(match) : undefined;
}

export function walkThrough(state: SimState, input: WalkThrough, add: (record: Omit<PassRecord, 'no' | 'at'>, at?: number) => PassRecord, nowMs: number): PassRecord {
  const devices = [...state.devices.values()];
  const device = input.deviceno === undefined ? devices.find((candidate) => candidate.online) : state.devices.get(input.deviceno);
  if (!device) throw new Error(`no device ${input.deviceno ?? '(none online)'}`);
  const mode = input.mode ?? 0;
  if (input.stranger === true) {
    return add({ deviceno: device.no, peopleno: '', peoplename: '', jobnumber: '', deptno: '', iccard: '', group: 1, mode, outintype: device.outintype, exceptionmode: 0 }, input.at);
  }
  const person = input.peopleno === undefined ? [...state.people.values()].find((candidate) => candidate.devices.includes(device.no)) : state.people.get(input.peopleno);
  if (!person) throw new Error(`no person ${input.peopleno ?? `pushed to ${device.no}`}`);
  const at = input.at ?? nowMs;
  const valid = (epochOf(person.startdate) ?? 0) <= at && at <= (epochOf(person.effdate) ?? Infinity);
  const allowed = person.devices.includes(device.no) && valid;
  return add(
    { deviceno: device.no, peopleno: person.no, peoplename: person.name, jobnumber: person.jobnumber, deptno: person.deptno, iccard: person.iccard, group: 0, mode, outintype: device.outintype, exceptionmode: allowed ? 1 : 0 },
    input.at,
  );
}
