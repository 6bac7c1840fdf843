/**
 * English: a site's time zone (issue 12 item 9), the zone every time of the site is shown in: the
 * Sites page's picker, the CLI's lines, and the refusal of a zone the runtime does not know. Keys
 * shared with site-time-zone.zh-CN.ts; spread into en.ts (`validation`, `errors` and the top level).
 */
export const siteTimeZoneValidationEn = {
  time_zone_required: 'Choose a time zone.',
  time_zone_unknown: 'No such time zone: pick one from the list (IANA names such as Asia/Shanghai).',
};

export const siteTimeZoneErrorsEn = {
  site_time_zone_unknown: 'No such time zone: “{{timeZone}}”. Pick one from the list (IANA names such as Asia/Shanghai or Europe/Berlin).',
};

export const siteTimeZoneEn = {
  siteTimeZone: {
    header: 'Time zone',
    label: 'Time zone of "{{name}}"',
    hint: 'Every time of this site (door tests, events, the report) is shown in this zone.',
    thisComputer: '{{zone}} (this computer)',
    saved: 'Times of "{{name}}" now shown in {{zone}}.',
    cliSaved: 'Site {{id}} time zone: {{zone}}',
  },
};
