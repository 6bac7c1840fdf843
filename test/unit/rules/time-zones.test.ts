import { describe, expect, it } from 'vitest';
import { SiteTimeZoneSchema } from '../../../shared/contract/sites.ts';
import { isTimeZone, timeZoneChoices, timeZoneNames } from '../../../shared/rules/time-zones.ts';

describe('a site’s time zone (issue 12 item 9)', () => {
  it('knows the runtime’s IANA zones and UTC, spelled as the list spells them', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/Sao_Paulo', 'UTC']) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['Mars/Olympus', 'asia/shanghai', 'Asia/Shanghai ', '', '+08:00', 'GMT+8', 'Asia/'.repeat(20)]) expect(isTimeZone(zone), zone).toBe(false);
  });

  it('lists every zone once, sorted, UTC among them', () => {
    const names = timeZoneNames();
    expect(names).toContain('UTC');
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it('offers the computer’s zone first, then the rest without it again', () => {
    const choices = timeZoneChoices('Asia/Shanghai');
    expect(choices[0]).toBe('Asia/Shanghai');
    expect(choices.filter((zone) => zone === 'Asia/Shanghai')).toHaveLength(1);
    expect(choices).toHaveLength(timeZoneNames().length);
    // A computer zone the list lacks (an alias) is still offered first.
    expect(timeZoneChoices('Asia/Calcutta')[0]).toBe('Asia/Calcutta');
  });

  it('the contract takes a name, trimmed, and refuses nothing-at-all and over-long text by key', () => {
    expect(SiteTimeZoneSchema.parse(' Asia/Shanghai ')).toBe('Asia/Shanghai');
    expect(SiteTimeZoneSchema.safeParse('').error?.issues[0]?.message).toBe('time_zone_required');
    expect(SiteTimeZoneSchema.safeParse('x'.repeat(65)).error?.issues[0]?.message).toBe('time_zone_unknown');
  });
});
