/**
 * English: the guard room's doors panel and the `doors` CLI (issue 15 item 2). Keys shared with
 * doors.zh-CN.ts; spread into en.ts (top level and errors).
 */
export const doorsEn = {
  doors: {
    title: 'Doors',
    none: 'This site has no doors yet. Add a backend and read its inventory on the Backends page.',
    loadFailed: 'The doors could not be read: {{reason}}',
    seconds: 'Seconds',
    state: {
      open: 'Open',
      closed: 'Closed',
      'held-open': 'Held open',
      'held-closed': 'Held closed',
      offline: 'Offline',
      alarm: 'Alarm',
      unknown: 'Unknown',
    },
    action: {
      open: 'Open',
      close: 'Close',
      'normally-open': 'Hold open',
      'normally-closed': 'Hold closed',
      normal: 'Back to normal',
    },
    confirmTitle: 'Change the door’s mode?',
    confirmText: '{{action}}: {{door}} ({{backend}}). The door stays so until someone changes it back.',
    confirm: 'Yes, change it',
    result: {
      started: 'Sent…',
      ok: 'Done',
      failed: 'Failed',
    },
    done: '{{action}}: {{door}} — done.',
    failed: '{{action}}: {{door}} — failed: {{reason}}',
    logTitle: 'Recent door actions',
    logNone: 'No door actions yet.',
    logColumns: { time: 'Time', station: 'Station', guard: 'Guard', door: 'Door', action: 'Action', result: 'Result' },
    noGuard: '(no guard named)',
    cli: {
      header: 'Doors of site {{site}}:',
      row: '{{backend}}  {{door}}  {{name}}  {{state}}  [{{actions}}]',
      none: 'Site {{site}} has no doors in its stored inventory. Read a backend’s inventory first (backend inventory <id> --refresh).',
      done: '{{action}} {{door}} on backend {{backend}}: done (audit #{{id}}).',
      logHeader: 'Door actions of site {{site}}, newest first:',
      logRow: '{{time}}  {{station}}  {{guard}}  {{backend}}/{{door}}  {{action}}  {{result}}',
      logNone: 'Site {{site}} has no door actions yet.',
    },
  },
};

export const doorsErrorsEn = {
  door_action_unsupported: 'This door’s backend cannot do that ({{action}}). {{adviceText}}',
};
