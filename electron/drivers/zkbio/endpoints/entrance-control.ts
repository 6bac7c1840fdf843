import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { arrayBody, pathParam, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { commaList, datetime, int, millis, paging, str, strArray } from '../field-types.ts';
import { AccessLevelSchema, EntranceDeviceSchema, GateReaderSchema, GateSchema, GateStateSchema, GateTransactionSchema, noData } from '../records.ts';

/** ZKBio §2.31–2.35: entrance-control devices, gates, levels, readers and transactions. */
export const entranceControlEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'psgDevice.list', method: 'GET', path: '/api/psgDevice/list',
    section: '2.31.1', title: 'Get Entrance Control Device List', group: 'Entrance Control Device',
    body: 'none', reply: 'array', data: listOf(EntranceDeviceSchema),
    fallbacks: [{ path: '/api/psgdDevice/list', source: 'zkbio.md §8.2 #7: the URL row spells psgdDevice' }],
    fields: [...paging()],
    notes: [
      "doc URL literally '/api/psgdDevice/list?pageNo=1&pageSize=20&access_token={apitoken}' (heading 'psgdDvice'); /api/psgDevice/list as in 2.31.2 and 2.31.3 is used. Doorman tries the literal spelling when the server answers 404 (fallbacks).",
    ],
  },
  {
    id: 'psgDevice.getBySn', method: 'GET', path: '/api/psgDevice/getBySn',
    section: '2.31.2', title: 'Get Entrance Control Device Info by SN', group: 'Entrance Control Device',
    body: 'none', reply: 'object', data: EntranceDeviceSchema,
    fields: [query('sn', str(), true, 'device serial number')],
  },
  {
    id: 'psgDevice.list.v2', method: 'GET', path: '/api/v2/psgDevice/list',
    section: '2.31.3', title: 'Get Entrance Control Device List (With Total Number)', group: 'Entrance Control Device',
    body: 'none', reply: 'paged', data: paged(EntranceDeviceSchema),
    fields: [...paging()],
  },
  {
    id: 'psgGate.allGateState', method: 'GET', path: '/api/psgGate/allGateState',
    section: '2.32.1', title: 'Get the State of All Gates', group: 'Entrance Control Gate',
    body: 'none', reply: 'array', data: listOf(GateStateSchema),
    fields: [],
    notes: [
      'No timestamp parameter, unlike door.allDoorState.',
    ],
  },
  {
    id: 'psgGate.gateStateById', method: 'GET', path: '/api/psgGate/gateStateById',
    section: '2.32.2', title: 'Get Entrance Control Gate State by Gate Id', group: 'Entrance Control Gate',
    body: 'none', reply: 'array', data: listOf(GateStateSchema),
    fields: [query('gateId', str(), false, 'gate id')],
    notes: [
      'Returns an array even for one gate id. gateId: the document does not say it is required.',
    ],
  },
  {
    id: 'psgGate.gateStateBySn', method: 'GET', path: '/api/psgGate/gateStateBySn',
    section: '2.32.3', title: 'Get Entrance Control Gate State by the SN of Device', group: 'Entrance Control Gate',
    body: 'none', reply: 'array', data: listOf(GateStateSchema),
    fields: [query('deviceSn', str(), false, "device serial number (table: 'Sn')")],
    notes: [
      "deviceSn (table: 'Sn: device sn'): the document does not say it is required.",
    ],
  },
  {
    id: 'psgGate.getById', method: 'GET', path: '/api/psgGate/getById',
    section: '2.32.4', title: 'Get Entrance Control Gate Info by Gate Id', group: 'Entrance Control Gate',
    body: 'none', reply: 'object', data: GateSchema,
    fields: [query('id', str(), false, 'gate id')],
    notes: [
      'id: the document does not say it is required.',
    ],
  },
  {
    id: 'psgGate.list', method: 'GET', path: '/api/psgGate/list',
    section: '2.32.5', title: 'Get Entrance Control Gate List', group: 'Entrance Control Gate',
    body: 'none', reply: 'array', data: listOf(GateSchema),
    fields: [...paging()],
  },
  {
    id: 'psgGate.list.v2', method: 'GET', path: '/api/v2/psgGate/list',
    section: '2.32.6', title: 'Get Entrance Control Gate List (With Total Number)', group: 'Entrance Control Gate',
    body: 'none', reply: 'paged', data: paged(GateSchema),
    fields: [...paging()],
  },
  {
    id: 'psgGate.remoteOpenById', method: 'POST', path: '/api/psgGate/remoteOpenById',
    section: '2.32.7', title: 'Remote Open by Gate Id', group: 'Entrance Control Gate',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('gateId', str(), true, 'gate id'),
      query('openType', int(), false, '1 = open (entry), 2 = open (exit)'),
    ],
    notes: [
      "openType: the document does not say it is required, but appendix -265 reads 'The Open Gate Type cannot empty'.",
    ],
  },
  {
    id: 'psgGate.remoteOpenByName', method: 'POST', path: '/api/psgGate/remoteOpenByName',
    section: '2.32.8', title: 'Remote Open by Gate Name', group: 'Entrance Control Gate',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('gateName', str(), true, 'gate name'),
      query('openType', int(), false, '1 = open (entry), 2 = open (exit)'),
    ],
    notes: [
      "openType: the document does not say it is required, but appendix -265 reads 'The Open Gate Type cannot empty'.",
    ],
  },
  {
    id: 'psgLevel.deleteLevel', method: 'POST', path: '/api/psgLevel/deleteLevel',
    section: '2.33.1', title: 'Delete Person Level', group: 'Entrance Control Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'person pin'),
      query('levelIds', commaList(), true, 'level ids, comma separated'),
    ],
    notes: [
      "Section 2.33 is titled 'Entrance Control Gate Interface' (duplicate of 2.32's title); content is entrance-control access levels.",
    ],
  },
  {
    id: 'psgLevel.getById', method: 'GET', path: '/api/psgLevel/getById/{id}',
    section: '2.33.2', title: 'Get Gate Control Level by Id', group: 'Entrance Control Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('id', str(), 'level group id')],
  },
  {
    id: 'psgLevel.getById.v2', method: 'GET', path: '/api/v2/psgLevel/getById/{id}',
    section: '2.33.3', title: 'Get Gate Control Level by Id (V2)', group: 'Entrance Control Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('id', str(), 'level group id')],
    notes: [
      'Unlike accLevel V2 (query ?id=), the psgLevel v2 keeps the id in the path.',
    ],
  },
  {
    id: 'psgLevel.getByName', method: 'GET', path: '/api/psgLevel/getByName/{name}',
    section: '2.33.4', title: 'Get Entrance Access Level by Name', group: 'Entrance Control Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('name', str(), 'level group name')],
  },
  {
    id: 'psgLevel.getByName.v2', method: 'GET', path: '/api/v2/psgLevel/getByName/{name}',
    section: '2.33.5', title: 'Get Entrance Access Level by Name (V2)', group: 'Entrance Control Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('name', str(), 'level group name')],
  },
  {
    id: 'psgLevel.list', method: 'GET', path: '/api/psgLevel/list',
    section: '2.33.6', title: 'Get Entrance Control Access Level', group: 'Entrance Control Level',
    body: 'none', reply: 'array', data: listOf(AccessLevelSchema),
    fields: [...paging()],
  },
  {
    id: 'psgLevel.syncLevel', method: 'POST', path: '/api/psgLevel/syncLevel',
    section: '2.33.7', title: 'Sync Level Info to Device', group: 'Entrance Control Level',
    body: 'none', reply: 'general', data: noData,
    fields: [query('levelId', str(), true, 'level group id')],
  },
  {
    id: 'psgLevel.syncPerson', method: 'POST', path: '/api/psgLevel/syncPerson',
    section: '2.33.8', title: 'Sync Person Level', group: 'Entrance Control Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'person pin'),
      query('levelIds', commaList(), true, 'level ids, comma separated'),
    ],
    notes: [
      "doc URL printed as '/api/psgLevel/syncPerson?pin={pin}&levelId' then, after a line break, 'ds={levelIds}&access_token={apitoken}'; the table names the parameter levelIds.",
    ],
  },
  {
    id: 'psgLevel.list.v2', method: 'GET', path: '/api/v2/psgLevel/list',
    section: '2.33.9', title: 'Get Entrance Control Access Level (With Total Number)', group: 'Entrance Control Level',
    body: 'none', reply: 'paged', data: paged(AccessLevelSchema),
    fields: [...paging()],
  },
  {
    id: 'psgLevel.addLevelByLevel.v2', method: 'POST', path: '/api/v2/psgLevel/addLevelByLevel',
    section: '2.33.10', title: 'Add Person Level By Level', group: 'Entrance Control Level',
    body: 'json-array', reply: 'general', data: noData,
    fields: [arrayBody(z.strictObject({ levelId: str(), pins: strArray() }))],
  },
  {
    id: 'psgLevel.addLevelByPerson.v2', method: 'POST', path: '/api/v2/psgLevel/addLevelByPerson',
    section: '2.33.11', title: 'Add Person Level By Person', group: 'Entrance Control Level',
    body: 'json-array', reply: 'general', data: noData,
    fields: [arrayBody(z.strictObject({ pin: str(), levelIds: strArray() }))],
  },
  {
    id: 'psgReader.list', method: 'GET', path: '/api/psgReader/list',
    section: '2.34.1', title: 'Get Entrance Control Gate Reader Info List', group: 'Entrance Control Reader',
    body: 'none', reply: 'array', data: listOf(GateReaderSchema),
    fields: [...paging()],
  },
  {
    id: 'psgReader.list.v2', method: 'GET', path: '/api/v2/psgReader/list',
    section: '2.34.2', title: 'Get Entrance Control Gate Reader Info List (With Total Number)', group: 'Entrance Control Reader',
    body: 'none', reply: 'paged', data: paged(GateReaderSchema),
    fields: [...paging()],
  },
  {
    id: 'psgReader.getById', method: 'GET', path: '/api/psgReader/getById',
    section: '2.34.3', title: 'Get Entrance Control Gate Reader Info by Reader Id', group: 'Entrance Control Reader',
    body: 'none', reply: 'object', data: GateReaderSchema,
    fields: [query('id', str(), true, 'reader id')],
    notes: [
      "TOC spells 'getByld'.",
    ],
  },
  {
    id: 'psgTransaction.device', method: 'GET', path: '/api/psgTransaction/device/{deviceSn}',
    section: '2.35.1', title: 'Get Entrance Control Transaction by Device Sn', group: 'Entrance Control Transaction',
    body: 'none', reply: 'array', data: listOf(GateTransactionSchema),
    fields: [
      pathParam('deviceSn', str(), 'device SN'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
  },
  {
    id: 'psgTransaction.device.v2', method: 'GET', path: '/api/v2/psgTransaction/device/{deviceSn}',
    section: '2.35.2', title: 'Get Entrance Control Transaction by Device Sn (With Total Number)', group: 'Entrance Control Transaction',
    body: 'none', reply: 'paged', data: paged(GateTransactionSchema),
    fields: [
      pathParam('deviceSn', str(), 'device SN'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
  },
  {
    id: 'psgTransaction.device.v3', method: 'GET', path: '/api/v3/psgTransaction/device/{deviceSn}',
    section: '2.35.3', title: 'Get Entrance Control Transaction by Device Sn (With Total Number, V3)', group: 'Entrance Control Transaction',
    body: 'none', reply: 'paged', data: paged(GateTransactionSchema),
    fallbacks: [{ path: '/api/v3/psgTransaction/device', source: 'zkbio.md §8.3 #18: the heading suggests ?deviceSn= (as 2.19.3)' }],
    fields: [
      pathParam('deviceSn', str(), 'device SN'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      'Heading bracket [api/v3/psgTransaction/device] suggests ?deviceSn= (like access V3 2.19.3) but the URL row uses /{deviceSn} in the path. Ambiguous: the URL-row form is sent first, ?deviceSn= after a 404 (fallbacks).',
    ],
  },
  {
    id: 'psgTransaction.list', method: 'GET', path: '/api/psgTransaction/list',
    section: '2.35.4', title: 'Get Entrance Control Gate Transaction List', group: 'Entrance Control Transaction',
    body: 'none', reply: 'array', data: listOf(GateTransactionSchema),
    fields: [
      query('personPin', str(), false, 'pin'),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
  },
  {
    id: 'psgTransaction.list.v2', method: 'GET', path: '/api/v2/psgTransaction/list',
    section: '2.35.5', title: 'Get Entrance Control Gate Transaction List (With Total Number)', group: 'Entrance Control Transaction',
    body: 'none', reply: 'paged', data: paged(GateTransactionSchema),
    fields: [
      query('personPin', str(), false, 'pin'),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
  },
  {
    id: 'psgTransaction.monitor', method: 'GET', path: '/api/psgTransaction/monitor',
    section: '2.35.6', title: 'Get Entrance Control Device Real-Time Monitoring Transaction', group: 'Entrance Control Transaction',
    body: 'none', reply: 'array', data: listOf(GateTransactionSchema),
    fields: [
      query('timestamp', millis(), true, 'millisecond timestamp; poll >= 10 s apart; first value may be reused'),
    ],
  },
  {
    id: 'psgTransaction.person', method: 'GET', path: '/api/psgTransaction/person/{pin}',
    section: '2.35.7', title: 'Get Personnel Entrance Control Access Transaction by Pin', group: 'Entrance Control Transaction',
    body: 'none', reply: 'array', data: listOf(GateTransactionSchema),
    fields: [
      pathParam('pin', str(), 'pin'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      "Description copied from monitor ('id ... null').",
    ],
  },
  {
    id: 'psgTransaction.list.v2.dup', method: 'GET', path: '/api/v2/psgTransaction/list',
    section: '2.35.8', title: 'Get Entrance Control Gate Transaction List (With Total Number)', group: 'Entrance Control Transaction',
    body: 'none', reply: 'paged', data: paged(GateTransactionSchema),
    fields: [
      query('personPin', str(), false, 'pin'),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
    notes: [
      'Exact duplicate of 2.35.5 (same URL, method, parameters, response). Implement once.',
    ],
  },
  {
    id: 'psgTransaction.person.v3', method: 'GET', path: '/api/v3/psgTransaction/person/{pin}',
    section: '2.35.9', title: 'Get Personnel Entrance Control Access Transaction by Pin (With Total Number)', group: 'Entrance Control Transaction',
    body: 'none', reply: 'paged', data: paged(GateTransactionSchema),
    fields: [
      pathParam('pin', str(), 'pin'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      'No v2 variant of psgTransaction/person is documented.',
    ],
  },
];
