/**
 * English: the running Zhejiang bridge from a terminal (issue 16 items 2 and 6: `bridge run|status|test`).
 * Keys shared with bridge-run.zh-CN.ts; spread into en.ts (top level).
 */
export const bridgeRunEn = {
  bridgeRun: {
    started_one: 'Bridge {{bridge}} is running with {{count}} device. Press Ctrl+C to stop it.',
    started_other: 'Bridge {{bridge}} is running with {{count}} devices. Press Ctrl+C to stop it.',
    stopped: 'Bridge {{bridge}} stopped.',
    note: '{{time}}  {{note}}',
    noDevices: 'Bridge {{bridge}} has no devices: add one with “bridge device add {{bridge}} --sn <sn>”.',
    runningHere: 'Bridge {{bridge}}: running',
    notRunning: 'Bridge {{bridge}}: not running — neither the desktop app nor a terminal runs it now. “bridge run {{bridge}}” runs it here.',
    runningElsewhere: 'Bridge {{bridge}}: running {{where}} (pid {{pid}} on {{host}}) since {{since}}, last seen {{seen}}. Its live sessions show there.',
    where: { app: 'in the desktop app', terminal: 'in a terminal (bridge run)' },
    deviceRow: '  {{sn}}  {{status}}  last heartbeat {{heartbeat}}  token age {{tokenAge}}  queue {{queue}}  open tasks {{tasks}}',
    deviceError: '    last error {{code}}: {{message}}',
    deviceAdvice: '    {{advice}}',
    never: 'never',
    none: '—',
    seconds: '{{seconds}} s',
    check: {
      tcp: 'TCP reach',
      auth: 'Sign-in (C_AUTH)',
      clock: 'Clock offset',
      https: 'HTTPS reach',
    },
    verdict: { ok: 'ok     ', failed: 'FAILED ', skipped: '—      ' },
    checkLine: '{{verdict}} {{name}}: {{detail}}',
    platformCode: 'platform error {{code}}',
    advice: '        {{advice}}',
    clockAdvice: 'This computer’s clock is {{seconds}} s off the platform’s. Set it right (China time, synchronised by NTP): the platform refuses requests whose timeStamp is off (400_05).',
    clockUnknown: 'The platform told no time; the clock could not be compared.',
    allOk: 'Bridge {{bridge}}, device {{sn}}: every check passed.',
    someFailed: 'Bridge {{bridge}}, device {{sn}}: a check failed — follow the advice above, then run “bridge test {{bridge}}” again.',
  },
};
