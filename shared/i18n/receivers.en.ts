/**
 * English: the push receivers' texts (issue 14 item 5: K30's callbacks, whose URL the installer
 * types into the vendor's software). Keys shared with receivers.zh-CN.ts; spread into en.ts (top level).
 */
export const receiversEn = {
  receivers: {
    manualListening: 'Receiving callbacks at {{url}}\nType this URL into {{where}}. Nothing arrives until it is set there. Ctrl+C stops.',
    manualStopped: 'Receiver stopped. The URL stays configured in the vendor’s software: clear it there if this computer will not receive again.',
    deviceResult: '{{pin}} on device {{device}}: {{verdict}} {{message}}',
    deviceResultOk: 'pushed',
    deviceResultFailed: 'NOT pushed',
    status: 'receiver: {{state}}; URL: {{url}}; registration: {{registration}}; last delivery: {{last}}; stored events: {{stored}}',
    running: 'running',
    notRunning: 'not running',
    waiting: 'waiting for the first delivery',
    automatic: 'automatic (Doorman registers it with the backend)',
    manual: 'manual (type the URL into the vendor’s software)',
    none: 'the backend does not push',
  },
};

export const receiversErrorsEn = {
  receiver_address_unavailable:
    'The receiver cannot listen at {{host}}:{{port}}, the address its URL gives: the port is in use, or the address is no longer this computer’s. Stop whatever uses that port, or start the receiver with another address or port, and type its new URL into the vendor’s software.',
};
