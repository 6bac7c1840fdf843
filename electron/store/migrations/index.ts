import type { Migration } from '../migrate.ts';
import { sites } from './001-sites.ts';
import { backends } from './002-backends.ts';
import { events } from './003-events.ts';
import { doorTests } from './004-door-tests.ts';
import { peopleOutbox } from './005-people-outbox.ts';
import { scans } from './006-scans.ts';
import { outboxClaims } from './007-outbox-claims.ts';
import { personBackends } from './008-person-backends.ts';
import { peopleNoFace } from './009-people-no-face.ts';
import { siteAddress } from './010-site-address.ts';
import { siteTimeZone } from './011-site-time-zone.ts';
import { backendPersonRefs } from './012-backend-person-refs.ts';
import { deviceSyncResults } from './013-device-sync-results.ts';
import { receiverEndpoints } from './014-receiver-endpoints.ts';
import { eventStreams } from './015-event-streams.ts';
import { alarms } from './016-alarms.ts';
import { eventSearch } from './017-event-search.ts';
import { visitors } from './018-visitors.ts';
import { doorActions } from './019-door-actions.ts';
import { alarmRepeats } from './020-alarm-repeats.ts';
import { receiverFirstCall } from './021-receiver-first-call.ts';
import { visitorsReserved } from './022-visitors-reserved.ts';
import { bridges } from './023-bridges.ts';
import { bridgeTaskSync } from './024-bridge-task-sync.ts';
import { bridgeAttendanceMarks } from './025-bridge-attendance-marks.ts';
import { bridgeLeases } from './026-bridge-leases.ts';
import { bridgeTaskLeaving } from './027-bridge-task-leaving.ts';

/**
 * Every schema step, oldest first. Later capabilities append: backends, devices, doors, people,
 * faces, events, door tests, outbox… one file each, never editing a step that has shipped.
 */
export const migrations: readonly Migration[] = [sites, backends, events, doorTests, peopleOutbox, scans, outboxClaims, personBackends, peopleNoFace, siteAddress, siteTimeZone, backendPersonRefs, deviceSyncResults, receiverEndpoints, eventStreams, alarms, eventSearch, visitors, doorActions, alarmRepeats, receiverFirstCall, visitorsReserved, bridges, bridgeTaskSync, bridgeAttendanceMarks, bridgeLeases, bridgeTaskLeaving];
