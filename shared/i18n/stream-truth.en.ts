/**
 * English: what a stream that could be real-time says while it is not yet (issue 15). Keys shared
 * with stream-truth.zh-CN.ts; spread into en.ts.
 */
export const streamTruthEn = {
  streamTruth: {
    awaitingCall:
      'The receiver is running but the backend has not called it yet: type its URL into {{where}}. Meanwhile events are read by polling every {{seconds}} s.',
    failingFor: 'Failing for {{minutes}} min. {{detail}}',
    serverError:
      'The backend answered with an error (HTTP {{status}}): it may be starting, overloaded or failing inside. Doorman keeps retrying; if it goes on, check the backend’s own service and logs.',
  },
};
