/**
 * English: the Sync page's per-device push results (issue 14: K30's authstatus callbacks, any
 * backend that reports them). Keys shared with device-results.zh-CN.ts; spread into en.ts (top level).
 */
export const deviceResultsEn = {
  deviceResults: {
    title: 'Results from the devices',
    intro: 'Some backends report, after a person is synced, whether each device took them (K30 does, through its callback). The newest result per person and device.',
    pin: 'Personnel no.',
    backend: 'Backend',
    devices: 'Devices',
    ok: 'On the device',
    failed: 'Not on the device',
    at: 'at {{time}}',
    earlier: 'from an earlier sync',
    waiting: 'Waiting for the devices’ results (needs the callback receiver).',
    waitingHint: 'Without the callback receiver these results never arrive: start it in the backend’s set-up steps (Callback URL) and type its URL into the backend’s software.',
    failedHint: 'A device that did not take the person: bring it online, then send the person again (People → Edit → Save).',
    empty: 'No person sent to these backends yet.',
    loadFailed: 'The devices’ results could not be read: {{reason}}',
  },
};
