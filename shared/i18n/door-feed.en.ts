/**
 * English: door actions in the Live feed (issue 15 item 2): the event an action caused, and an
 * action shown on its own row while its event has not come (or when it failed). Keys shared with
 * door-feed.zh-CN.ts; spread into en.ts.
 */
export const doorFeedEn = {
  doorFeed: {
    kind: 'Door action',
    causedBy: {
      open: 'Opened from the doors panel by {{guard}} at {{station}}, {{time}}',
      close: 'Closed from the doors panel by {{guard}} at {{station}}, {{time}}',
      'normally-open': 'Held open from the doors panel by {{guard}} at {{station}}, {{time}}',
      'normally-closed': 'Held closed from the doors panel by {{guard}} at {{station}}, {{time}}',
      normal: 'Returned to normal from the doors panel by {{guard}} at {{station}}, {{time}}',
    },
    by: '{{guard}} at {{station}}',
    noGuard: 'a guard (no name in Settings → Guard room)',
    result: {
      started: 'Sent; waiting for the backend',
      ok: 'Done; the backend has not reported the door’s event yet',
      failed: 'Failed: {{reason}}',
    },
  },
};
