/**
 * English: the event pipeline's texts (issue 15 item 1): why a backend's event stream is in its
 * state, and the `events watch` lines. Keys shared with event-streams.zh-CN.ts; spread into en.ts.
 */
export const eventStreamsEn = {
  eventStreams: {
    state: { connected: 'connected', polling: 'polling', stale: 'stale', offline: 'offline' },
    reason: {
      unreachable: 'Cannot reach the backend. Check that it is on and that the network to it works; Doorman keeps retrying and reads the events it missed when it is back.',
      timeout: 'The backend did not answer in time. Doorman keeps retrying and reads the events it missed when it answers again.',
      badReply: 'The backend answered something Doorman cannot read. Doorman keeps retrying; if it goes on, check the backend’s version and address.',
      credentials: 'The backend refused Doorman’s credentials. Correct them on the backend’s page; until then no events are read.',
      other: 'Reading events failed: {{message}}. Doorman keeps retrying.',
      offline: 'No answer for {{minutes}} min. {{detail}}',
      pollOnly: 'The push receiver is not running: events are read by polling every {{seconds}} s. Start the receiver for real-time events.',
      notWatched: 'Not watched: only the current site’s backends are watched. Select this site to watch it.',
      resubscribed: 'The platform had lost Doorman’s push subscription (restarted?): registered again.',
    },
    watch: {
      line: '{{time}}  {{backend}}  {{source}}  {{door}}  {{person}}  {{result}}',
      state: '{{time}}  {{backend}}  stream {{state}}{{reason}}',
      started: 'Watching events of site {{site}} ({{count}} backends). Ctrl+C stops.',
      noSite: 'No site selected: pass --site <id> or select a site first.',
    },
  },
};
