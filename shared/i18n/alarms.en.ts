import { ALARM_NOTE_MAX } from '../contract/alarms.ts';

/**
 * English: the guard room's alarms (issue 15 item 3): the header's count and banner, the CLI's
 * `alarms` lines. Keys shared with alarms.zh-CN.ts; spread into en.ts (top level, errors, validation).
 */
export const alarmsEn = {
  alarms: {
    count_one: '{{count}} unacknowledged alarm',
    count_other: '{{count}} unacknowledged alarms',
    countNone: 'No open alarms',
    bannerTitle: 'Alarm: {{what}}',
    bannerMore: '{{count}} more open',
    repeats_one: '{{count}} more time since, last at {{time}}',
    repeats_other: '{{count}} more times since, last at {{time}}',
    repeatsShort: '×{{count}}',
    at: '{{backend}} · {{door}} · {{time}}',
    noDoor: 'no door',
    acknowledge: 'Acknowledge',
    note: 'Note (optional)',
    notePlaceholder: 'What you saw, what you did',
    acknowledged: 'Alarm acknowledged.',
    mute: 'Mute alarm sound',
    unmute: 'Turn alarm sound on',
    soundOn: 'Sound on',
    soundOff: 'Sound off',
    cliNone: 'No alarms.',
    cliLine: '#{{id}}  {{time}}  {{class}}  {{backend}}  {{door}}  {{person}}  {{reason}}  {{state}}',
    cliOpen: 'OPEN',
    cliAcked: 'acknowledged by {{by}} at {{at}} on {{station}}{{note}}',
    cliAckedOne: 'Alarm #{{id}} acknowledged by {{by}} at {{at}} on {{station}}.',
    cliNoSite: 'No site selected: give --site <id>, or select one with `sites select`.',
    settings: {
      title: 'Guard room',
      guardName: 'Guard on duty',
      guardNameHint: 'Kept with every alarm you acknowledge from this computer (with the computer’s name).',
      threshold: 'Repeated denials: how many',
      window: 'Repeated denials: within minutes',
      ruleHint: 'This many denied passes at one door within these minutes raise a “Repeated denials” alarm.',
      saved: 'Guard room settings saved.',
    },
    classes: {
      'door-forced': 'Door forced',
      'held-open': 'Door held open',
      duress: 'Duress',
      tamper: 'Tamper',
      fire: 'Fire',
      stranger: 'Stranger',
      'denied-repeated': 'Repeated denials',
      'backend-offline': 'Backend offline',
      'other-alarm': 'Alarm',
    },
  },
};

export const alarmsErrorsEn = {
  alarm_not_found: 'There is no alarm {{id}}. Reload the list: it may belong to another site.',
  alarm_already_acknowledged: 'This alarm was already acknowledged by {{by}} at {{at}}. Nothing more to do.',
};

export const alarmsValidationEn = {
  alarm_note_too_long: `The note is too long: at most ${ALARM_NOTE_MAX} characters.`,
};
