import { describe, expect, it } from 'vitest';
import { PersonFieldsSchema } from '../../../shared/contract/people.ts';
import { isRealDate, parseValidity, splitValidity } from '../../../shared/rules/validity-date.ts';

describe('validity bounds (one rule for Enroll, Edit, Import and the CLI)', () => {
  it('a date alone is the start of the day for valid-from and its last second for valid-to', () => {
    expect(parseValidity('2026-03-04', 'from')).toEqual({ ok: true, value: '2026-03-04 00:00:00' });
    expect(parseValidity('2026-03-04', 'to')).toEqual({ ok: true, value: '2026-03-04 23:59:59' });
  });

  it('takes a time with or without seconds, after a space or the T of a date-time picker', () => {
    expect(parseValidity('2026-03-04 08:30', 'from')).toEqual({ ok: true, value: '2026-03-04 08:30:00' });
    expect(parseValidity('2026-03-04T17:05:09', 'to')).toEqual({ ok: true, value: '2026-03-04 17:05:09' });
    expect(parseValidity(' 2026/3/4 8:05 ', 'to')).toEqual({ ok: true, value: '2026-03-04 08:05:00' });
  });

  it('says "no such date" for a day the calendar lacks, leap years included', () => {
    expect(parseValidity('2026-02-30', 'from')).toEqual({ ok: false, problem: 'no_such_date' });
    expect(parseValidity('2026-02-29', 'from')).toEqual({ ok: false, problem: 'no_such_date' });
    expect(parseValidity('2028-02-29', 'to')).toEqual({ ok: true, value: '2028-02-29 23:59:59' });
    expect(parseValidity('2026-04-31 10:00', 'to')).toEqual({ ok: false, problem: 'no_such_date' });
    expect(parseValidity('2026-00-10', 'to')).toEqual({ ok: false, problem: 'no_such_date' });
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
  });

  it('says "no such time" for 24:00 or 10:60, and a format problem for what is no date at all', () => {
    expect(parseValidity('2026-03-04 24:00', 'from')).toEqual({ ok: false, problem: 'no_such_time' });
    expect(parseValidity('2026-03-04 10:60:00', 'from')).toEqual({ ok: false, problem: 'no_such_time' });
    for (const bad of ['tomorrow', '04/03/2026', '2026-03-04 8', '']) expect(parseValidity(bad, 'from')).toEqual({ ok: false, problem: 'datetime_format' });
  });

  it('splits a stored bound for the date picker, leaving the time empty where the date alone means it', () => {
    expect(splitValidity('2026-03-04 00:00:00', 'from')).toEqual({ date: '2026-03-04', time: '' });
    expect(splitValidity('2026-03-04 23:59:59', 'to')).toEqual({ date: '2026-03-04', time: '' });
    expect(splitValidity('2026-03-04 08:30:00', 'from')).toEqual({ date: '2026-03-04', time: '08:30:00' });
    expect(splitValidity('2026-03-04 00:00:00', 'to')).toEqual({ date: '2026-03-04', time: '00:00:00' });
  });

  it('the person contract applies the same rule, so the core stores start / end of day', () => {
    const parsed = PersonFieldsSchema.parse({ pin: 'P1', name: '张三', validFrom: '2026-03-04', validTo: '2026-03-31' });
    expect(parsed).toMatchObject({ validFrom: '2026-03-04 00:00:00', validTo: '2026-03-31 23:59:59' });
    const refused = PersonFieldsSchema.safeParse({ pin: 'P1', name: '张三', validTo: '2026-02-30' });
    expect(refused.error?.issues[0]).toMatchObject({ path: ['validTo'], message: 'no_such_date' });
  });
});
