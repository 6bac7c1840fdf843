import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { base64, bool, datetime, int, paging, str, strOrInt } from '../field-types.ts';
import { AccessDeviceSchema, noData } from '../records.ts';

/** ZKBio §2.42–2.46: space devices, spaces, facilities, services, reservations. */
export const spaceEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'spaceDevice.getBySn', method: 'GET', path: '/api/spaceDevice/getBySn',
    section: '2.42.1', title: 'Get Space Device Info by Sn', group: 'Space Device',
    body: 'none', reply: 'object', data: AccessDeviceSchema,
    fields: [query('sn', str(), true, 'serial number')],
  },
  {
    id: 'spaceDevice.list', method: 'GET', path: '/api/spaceDevice/list',
    section: '2.42.2', title: 'Get Device List', group: 'Space Device',
    body: 'none', reply: 'paged', data: paged(AccessDeviceSchema),
    fields: [
      query('deviceName', str(), false, 'device name'),
      query('sn', str(), true, 'serial number (doc marks required even for a list)'),
      ...paging(1000),
    ],
  },
  {
    id: 'space.list', method: 'GET', path: '/api/space/list',
    section: '2.43.1', title: 'Get Space List', group: 'Space',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [query('name', str(), false, 'space name'), ...paging(1000)],
  },
  {
    id: 'space.getById', method: 'GET', path: '/api/space/getById',
    section: '2.43.2', title: 'Query Space Information Based on Space ID', group: 'Space',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [query('id', str(), true, 'space id')],
  },
  {
    id: 'space.deleteById', method: 'POST', path: '/api/space/deleteById',
    section: '2.43.3', title: 'Delete Space Based on Space ID', group: 'Space',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('id', str(), true, 'space id')],
    notes: [
      "Replies 'Succeed: 1, Failed: 0.' with data [] (a batch result inside code 0).",
    ],
  },
  {
    id: 'space.addSpace', method: 'POST', path: '/api/space/addSpace',
    section: '2.43.4', title: 'Add/Edit Space', group: 'Space',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('id', str(), true, 'space id: empty when adding, set when editing'),
      body('name', str(), true, 'name'),
      body('picture', base64(), false, 'photo'),
      body('status', str(), false, '0/1/2 (described but not in example)'),
      body('capacity', int(), true, 'capacity'),
      body('spaceFacilityIds', str(), false, 'facility ids, comma separated'),
      body('spaceDeviceIds', str(), true, 'device ids, comma separated'),
      body('address', str(), false, 'address'),
      body('personPin', strOrInt(), true, 'manager pin; the example sends a number'),
      body('personTel', strOrInt(), false, 'manager contact; the example sends a number'),
      body('smartSpace', bool(), false, 'smart space'),
      body('remark', str(), false, 'description'),
      body('retentionTime', int(), false, '15/30/45/60'),
    ],
    notes: [
      'The example sends personPin and personTel as numbers; status is described but not in the example.',
    ],
  },
  {
    id: 'spaceFacility.list', method: 'GET', path: '/api/spaceFacility/list',
    section: '2.44.1', title: 'Get Space Facility List', group: 'Space Facility',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [query('name', str(), false, 'facility name'), ...paging(1000)],
  },
  {
    id: 'spaceFacility.getById', method: 'GET', path: '/api/spaceFacility/getById',
    section: '2.44.2', title: 'Query Facility Information Based on Facility ID', group: 'Space Facility',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [query('id', str(), true, 'facility id')],
  },
  {
    id: 'spaceFacility.deleteById', method: 'POST', path: '/api/spaceFacility/deleteById',
    section: '2.44.3', title: 'Delete Facility Based on Facility ID', group: 'Space Facility',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      query('id', str(), true, 'facility id (sent in the query and again in the body, as printed)'),
      body('id', str(), true, 'facility id (sent in the query and again in the body, as printed)'),
    ],
    notes: [
      'The id is in the URL query and again in the example body; the one id parameter is sent in both places.',
    ],
  },
  {
    id: 'spaceFacility.addFacility', method: 'POST', path: '/api/spaceFacility/addFacility',
    section: '2.44.4', title: 'Add/Edit Space Facility', group: 'Space Facility',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('id', str(), true, 'empty when adding, set when editing'),
      body('name', str(), true, 'name'),
      body('facilityNo', int(), true, 'facility number, integer greater than 20'),
      body('remark', str(), false, 'description'),
    ],
  },
  {
    id: 'spaceService.list', method: 'GET', path: '/api/spaceService/list',
    section: '2.45.1', title: 'Get Space Service List', group: 'Space Service',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [query('name', str(), false, 'service name'), ...paging(1000)],
  },
  {
    id: 'spaceService.getById', method: 'GET', path: '/api/spaceService/getById',
    section: '2.45.2', title: 'Query Service Information Based on Service ID', group: 'Space Service',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [query('id', str(), true, 'service id')],
    notes: [
      "doc title literally 'Query Facility Information Based on Facility ID' (a copy of 2.44.2); the endpoint reads a service.",
    ],
  },
  {
    id: 'spaceService.deleteById', method: 'POST', path: '/api/spaceService/deleteById',
    section: '2.45.3', title: 'Delete Service Based on Service ID', group: 'Space Service',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      query('id', str(), true, 'service id (sent in the query and again in the body, as printed)'),
      body('id', str(), true, 'service id (sent in the query and again in the body, as printed)'),
    ],
    notes: [
      'The id is in the URL query and again in the example body; the one id parameter is sent in both places.',
    ],
  },
  {
    id: 'spaceService.addService', method: 'POST', path: '/api/spaceService/addService',
    section: '2.45.4', title: 'Add/Edit Space Service', group: 'Space Service',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('id', str(), true, 'empty when adding, set when editing'),
      body('name', str(), true, 'name'),
      body('remark', str(), false, 'description'),
    ],
  },
  {
    id: 'spaceReservation.list', method: 'GET', path: '/api/spaceReservation/list',
    section: '2.46.1', title: 'Get Space Reservation List', group: 'Space Reservation',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      query('spaceName', str(), false, 'space name'),
      query('subject', str(), false, 'subject'),
      query('startTime', str(), false, 'range start'),
      query('endTime', str(), false, 'range end'),
      ...paging(1000),
    ],
  },
  {
    id: 'spaceReservation.getById', method: 'GET', path: '/api/spaceReservation/getById',
    section: '2.46.2', title: 'Query Reservation Information Based on Reservation ID', group: 'Space Reservation',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [query('id', str(), true, 'reservation id')],
  },
  {
    id: 'spaceReservation.deleteById', method: 'POST', path: '/api/spaceReservation/deleteById',
    section: '2.46.3', title: 'Delete Reservation Based on Reservation ID', group: 'Space Reservation',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      query('id', str(), true, 'reservation id (sent in the query and again in the body, as printed)'),
      body('id', str(), true, 'reservation id (sent in the query and again in the body, as printed)'),
    ],
    notes: [
      'The id is in the URL query and again in the example body; the one id parameter is sent in both places.',
    ],
  },
  {
    id: 'spaceReservation.cancelReservation', method: 'POST', path: '/api/spaceReservation/cancelReservation',
    section: '2.46.4', title: 'Cancel Reservation Based on Reservation ID', group: 'Space Reservation',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('id', str(), true, 'reservation id')],
    notes: [
      "Replies 'Succeed: 1, Failed: 0.' with data [].",
    ],
  },
  {
    id: 'spaceReservation.finishReservation', method: 'POST', path: '/api/spaceReservation/finishReservation',
    section: '2.46.5', title: 'Finish Reservation Based on Reservation ID', group: 'Space Reservation',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('id', str(), true, 'reservation id')],
    notes: [
      "Replies 'Succeed: 1, Failed: 0.' with data [].",
    ],
  },
  {
    id: 'spaceReservation.getReservationParticipants', method: 'POST', path: '/api/spaceReservation/getReservationParticipants',
    section: '2.46.6', title: 'Query Reservation Participants Based on Reservation ID', group: 'Space Reservation',
    body: 'json-object', reply: 'array', data: listOf(z.unknown()),
    fields: [body('id', str(), true, 'reservation id')],
  },
  {
    id: 'spaceReservation.addSpaceReservation', method: 'POST', path: '/api/spaceReservation/addSpaceReservation',
    section: '2.46.7', title: 'Add/Edit Space Reservation', group: 'Space Reservation',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('id', str(), false, 'empty when adding, set when editing'),
      body('subject', str(), false, 'subject (in example, not in table)'),
      body('content', str(), false, 'content'),
      body('applyPersonPin', strOrInt(), true, 'applicant pin (example sends number)'),
      body('applyPersonEmail', str(), false, 'applicant email'),
      body('startTime', datetime(), false, 'start'),
      body('endTime', datetime(), false, 'end'),
      body('startSignInTime', int(), false, '0/5/15/30'),
      body('participantIds', str(), true, 'participant ids, comma separated'),
      body('spaceId', str(), true, "space id (table spells 'spcaeld')"),
      body('serviceIds', str(), false, 'service ids, comma separated'),
      body('remindTime', str(), false, '5m/15m/30m/1h/1d'),
    ],
    notes: [
      "The table spells spaceId 'spcaeld'; subject appears only in the example.",
    ],
  },
];
