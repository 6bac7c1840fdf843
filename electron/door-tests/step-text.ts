type Params = Record<string, string | number>;

/** The English text of each progress step, kept in the evidence; the UI shows `doorTestSteps.<key>`. */
export const STEP_TEXT = {
  sending: (p: Params) => `Sending the open command to ${p['door']}…`,
  accepted: (p: Params) => `The backend accepted the command (${p['ms']} ms).`,
  refused: (p: Params) => `The backend refused the command: ${p['reason']}`,
  waiting: (p: Params) => `Waiting for the backend's event for ${p['door']} (up to ${p['seconds']} s)…`,
  seen: (p: Params) => `Event seen: ${p['event']} at ${p['time']} (${p['ms']} ms after the command).`,
  waitingPerson: (p: Params) => `Waiting for ${p['pin']} to pass ${p['door']} (up to ${p['seconds']} s)…`,
  seenPerson: (p: Params) => `${p['pin']} recognised at ${p['door']}: ${p['event']}.`,
  timedOut: (p: Params) => `No matching event within ${p['seconds']} s.`,
  noAnswer: (p: Params) => `The backend did not answer: ${p['reason']}`,
  cancelled: () => 'Cancelled.',
  unsupported: (p: Params) => `Not available through this backend's API: ${p['reason']}`,
  settingMode: (p: Params) => `Setting ${p['door']} to ${p['mode']}…`,
  stateRead: (p: Params) => `State read back: ${p['state']}.`,
  failed: (p: Params) => `Failed: ${p['reason']}`,
} as const;
