import { z } from 'zod';
import type { PassRecord, RecordLog } from './records.ts';
import type { DeviceRecord, PersonRecord, ScheduleRecord, SimState } from './state.ts';
import { formatDate, minutesOf } from './time.ts';

/**
 * A person (or a stranger) in front of a device: what `simulator.emitPassRecord` and
 * `POST /__sim/pass-records` add, and push. Unless told, the verdict is the platform's rule:
 * the person passes (passType 1) when the device is an access-control point and one of the
 * person's groups holds an authority on it whose schedule covers the moment (holidays first,
 * then the weekday; `to` includes its whole minute); a visitor also needs to be inside the visit
 * window. Anyone else is not let through (passType 0); a stranger is recognitionType 4.
 */
export const WalkThroughSchema = z.strictObject({
  /** The device; the first access-control point (else the first end device) when omitted. */
  deviceUuid: z.string().optional(),
  /** Omitted: a stranger. */
  personUuid: z.string().optional(),
  verificationMode: z.number().int().min(0).max(5).optional(),
  passType: z.number().int().min(0).max(2).optional(),
  recognitionType: z.number().int().min(1).max(6).optional(),
  livenessType: z.number().int().min(0).max(2).optional(),
  temperature: z.number().optional(),
  temperatureType: z.number().int().min(0).max(2).optional(),
  maskType: z.number().int().min(0).max(2).optional(),
  /** Epoch ms; the simulator's clock when omitted. */
  at: z.number().int().optional(),
});
export type WalkThrough = z.infer<typeof WalkThroughSchema>;

export function walkThrough(state: SimState, log: RecordLog, input: WalkThrough, now: number): PassRecord {
  const device = pickDevice(state, input.deviceUuid);
  const person = input.personUuid !== undefined ? state.persons.get(input.personUuid) : undefined;
  if (input.personUuid !== undefined && !person) throw new Error(`no person ${input.personUuid}`);
  const at = input.at ?? now;
  return log.append(state, {
    device,
    ...(person ? { person } : {}),
    at,
    verificationMode: input.verificationMode ?? 0,
    passType: input.passType ?? (person && mayPass(state, device, person, at) ? 1 : 0),
    recognitionType: input.recognitionType ?? recognitionTypeOf(person),
    ...(input.livenessType !== undefined ? { livenessType: input.livenessType } : {}),
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(input.temperatureType !== undefined ? { temperatureType: input.temperatureType } : {}),
    ...(input.maskType !== undefined ? { maskType: input.maskType } : {}),
  });
}

function pickDevice(state: SimState, uuid: string | undefined): DeviceRecord {
  if (uuid !== undefined) {
    const device = state.devices.get(uuid);
    if (!device) throw new Error(`no device ${uuid}`);
    return device;
  }
  const device = state.doorDevices()[0] ?? [...state.devices.values()].find((candidate) => candidate.deviceType !== 3);
  if (!device) throw new Error('no end device in the site');
  return device;
}

/** 1 员工, 2 访客, 6 VIP访客, 3 重点人员, 4 陌生人 (hongtu.md §8.3). */
export function recognitionTypeOf(person: PersonRecord | undefined): number {
  if (!person) return 4;
  if (person.type === 2) return person.visitType === 2 ? 6 : 2;
  return person.type;
}

export function mayPass(state: SimState, device: DeviceRecord, person: PersonRecord, at: number): boolean {
  if (!device.isDoor) return false;
  if (person.type === 2 && !(at >= (person.visitStartTimeStamp ?? Infinity) && at <= (person.visitEndTimeStamp ?? -Infinity))) return false;
  return state.authorities.some((authority) => {
    if (authority.deviceUuid !== device.uuid || !authority.groupUuids.some((group) => person.groupList.includes(group))) return false;
    const schedule = state.schedules.get(authority.scheduleUuid);
    return schedule !== undefined && covers(schedule, new Date(at));
  });
}

export function covers(schedule: ScheduleRecord, when: Date): boolean {
  const minute = when.getHours() * 60 + when.getMinutes();
  const inside = (ranges: readonly { from: string; to: string }[]) => ranges.some((range) => minute >= minutesOf(range.from) && minute <= minutesOf(range.to));
  const holiday = schedule.holiday.find((day) => day.date === formatDate(when));
  if (holiday) return holiday.state && inside(holiday.during);
  const week = ((when.getDay() + 6) % 7) + 1;
  return schedule.workDay.some((day) => day.week === week && inside(day.during));
}
