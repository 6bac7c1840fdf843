/**
 * English: the platform bridge's set-up (issue 16 items 2 and 6): the CLI's `bridge …` lines, the
 * bridge's errors and its validation messages. Keys shared with bridge.zh-CN.ts; spread into en.ts.
 */
export const bridgeEn = {
  bridge: {
    cli: {
      plainHttp: 'Warning: {{url}} is plain http://. The workers’ data and the platform’s replies travel unencrypted: use it only with a test platform; a real platform’s address starts with https://.',
      none: 'No bridge yet. Add one: bridge add --site <id> --tcp <host:port> --url <https-url> --access-id … --access-key … --access-secret …',
      row: '{{id}}  {{name}}  site {{site}}  tcp {{tcp}}  {{url}}  tls {{tls}}  {{enabled}}  credentials: {{credentials}}',
      enabled: 'enabled',
      disabled: 'disabled',
      noCredentials: 'none set',
      deviceAdded: 'Device {{sn}} (#{{id}}) added to bridge {{bridge}}, standing for {{doors}}.',
      noDoors: 'no door yet',
      devicesNone: 'Bridge {{bridge}} has no device yet. Add one: bridge device add {{bridge}} --sn <sn as registered with the platform> --door <backend-id>:<door-id>',
      deviceRow: '#{{id}}  {{sn}}  {{doors}}',
      doorRef: '{{backend}}:{{door}} ({{name}})',
      deviceRemoved: 'Device #{{id}} removed from bridge {{bridge}}.',
      tasksNone: 'Bridge {{bridge}} has received no task yet.',
      taskRow: '{{time}}  {{sn}}  {{taskid}}  {{apicode}}  {{state}}{{page}}{{error}}',
      queueSummary: 'Bridge {{bridge}}: {{depth}} attendance records waiting{{oldest}}.',
      queueOldest: ', the oldest from {{time}}',
      queueDevice: '  {{sn}}: {{depth}}',
      queueFailedHeader: 'Records that failed (they are retried by themselves; the last error):',
      queueFailedRow: '  {{time}}  {{sn}}  person {{person}}  attempts {{attempts}}  {{error}}',
      removed: 'Bridge {{id}} removed.',
    },
  },
};

export const bridgeErrorsEn = {
  bridge_not_found: 'There is no bridge {{id}}. List the bridges with “bridge list”.',
  bridge_device_not_found: 'Bridge {{bridgeId}} has no device #{{deviceId}}. List its devices with “bridge device list {{bridgeId}}”.',
  bridge_sn_taken: 'Bridge {{bridgeId}} already has a device {{sn}}. Each sn is added once; remove the device first to map it again.',
  bridge_door_unknown: 'Door {{doorId}} of backend {{backendId}} is not in the stored inventory of site {{siteId}}. Check the ids with “doors list --site {{siteId}}”, or read the backend’s inventory again (backend inventory {{backendId}}).',
  bridge_door_taken: 'Door {{doorId}} of backend {{backendId}} already stands for device {{sn}} of this bridge: a pass is reported from one device. Remove it there first.',
  bridge_level_unknown: 'Access level {{accessLevelId}} of backend {{backendId}} is not in the stored inventory of site {{siteId}}. Check the ids with “backend inventory {{backendId}}” (read it again if the level is new), then set the level again.',
  bridge_running_elsewhere: 'Bridge {{bridgeId}} is already running {{where}} (pid {{pidText}} on {{host}}) since {{sinceLocal}}. One process runs a bridge at a time, or each device would have two sessions and every task would be done twice: close the desktop app, or stop “bridge run” in the other terminal (Ctrl+C), then try again.',
  bridge_settings_invalid: 'The bridge’s settings cannot be used: {{problems}}. Field numbers are whole numbers from 1 to 536870911 (not 19000–19999), each used once in a message; switches take only the values listed.',
};

export const bridgeValidationEn = {
  bridgeTcpAddress: 'Enter the platform’s TCP address as host:port, e.g. 10.0.0.5:9000.',
  bridgeUrl: 'Enter the platform’s HTTPS address, starting with https:// (http:// only for a test platform).',
  bridgeSn: 'Enter the device’s sn as registered with the platform: 1 to 64 characters, no spaces.',
};
