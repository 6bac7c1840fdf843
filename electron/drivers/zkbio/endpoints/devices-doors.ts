import { listOf } from '../../empty-list.ts';
import { query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { millis, openSeconds, paging, str } from '../field-types.ts';
import { AccessDeviceSchema, DoorSchema, DoorStateSchema, FloorSchema, noData, oneOrMany } from '../records.ts';

/** ZKBio §2.10–2.13: access and elevator devices, doors, floors. */
export const deviceDoorEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'device.accList', method: 'GET', path: '/api/device/acclist',
    section: '2.10.1', title: 'Get Device List', group: 'Access Device',
    body: 'none', reply: 'array', data: listOf(AccessDeviceSchema),
    fields: [...paging()],
  },
  {
    id: 'device.getAcc', method: 'GET', path: '/api/device/getAcc',
    section: '2.10.2', title: 'Get Device Info by SN', group: 'Access Device',
    body: 'none', reply: 'object', data: AccessDeviceSchema,
    fields: [query('sn', str(), true, 'device serial number')],
    notes: [
      'Heading shows [device/getAcc/{sn}] (path param) but URL uses ?sn={sn}.',
    ],
  },
  {
    id: 'device.list.v2', method: 'GET', path: '/api/v2/device/list',
    section: '2.10.3', title: 'Get Device List (With Total Number)', group: 'Access Device',
    body: 'none', reply: 'paged', data: paged(AccessDeviceSchema),
    fields: [...paging()],
    notes: [
      "doc URL literally '/api/device/acclist?pageNo=1&pageSize=20&access_token={apitoken}', a copy of 2.10.1; the heading's /api/v2/device/list is used. Verify on a server.",
      "The example item has 'status' where the description says 'state'.",
    ],
  },
  {
    id: 'eleDevice.eleList', method: 'GET', path: '/api/eleDevice/eleList',
    section: '2.11.1', title: 'Get Ele Device List', group: 'Elevator Device',
    body: 'none', reply: 'array', data: listOf(AccessDeviceSchema),
    fields: [...paging()],
  },
  {
    id: 'eleDevice.getEle', method: 'GET', path: '/api/eleDevice/getEle',
    section: '2.11.2', title: 'Get Ele Device Info by Sn', group: 'Elevator Device',
    body: 'none', reply: 'object', data: AccessDeviceSchema,
    fields: [query('sn', str(), true, 'device serial number')],
    notes: [
      'Heading shows [eleDevice/getEle/{sn}] but URL uses ?sn={sn}.',
    ],
  },
  {
    id: 'eleDevice.eleList.v2', method: 'GET', path: '/api/v2/eleDevice/eleList',
    section: '2.11.3', title: 'Get Ele Device List (With Total Number)', group: 'Elevator Device',
    body: 'none', reply: 'paged', data: paged(AccessDeviceSchema),
    fields: [...paging()],
    notes: [
      "Example item uses 'status' while the description says 'state'.",
    ],
  },
  {
    id: 'door.allDoorState', method: 'GET', path: '/api/door/allDoorState',
    section: '2.12.1', title: 'Get the State of All Doors', group: 'Door',
    body: 'none', reply: 'array', data: listOf(DoorStateSchema),
    fields: [
      query('timestamp', millis(), true, 'current time in milliseconds, e.g. 1494467276539. Doc: access frequency cannot be too high; poll at most every 10 s'),
    ],
    notes: [
      "Heading shows 'door/all DoorState' (space); URL is /api/door/allDoorState.",
    ],
  },
  {
    id: 'door.doorStateById', method: 'GET', path: '/api/door/doorStateById',
    section: '2.12.2', title: 'Get Door State by Door Id', group: 'Door',
    body: 'none', reply: 'object', data: DoorStateSchema,
    fields: [
      query('doorId', str(), false, 'door id (present in the URL; not described in the parameter table, but needed)'),
      query('timestamp', millis(), true, 'current time in milliseconds, e.g. 1494467276539. Doc: access frequency cannot be too high; poll at most every 10 s'),
    ],
    notes: [
      "doc URL literally '/api/door/doorStateById?doorId=1×tamp={timestamp}&access_token={apitoken}': '×tamp' is '&timestamp' (the '&times' entity became ×).",
      'doorId is only in the URL, not in the parameter table, so the document does not say it is required; the endpoint cannot work without it.',
    ],
  },
  {
    id: 'door.doorStateBySn', method: 'GET', path: '/api/door/doorStateBySn',
    section: '2.12.3', title: 'Get Door State by the Sn of Device', group: 'Door',
    body: 'none', reply: 'object', data: oneOrMany(DoorStateSchema),
    fields: [
      query('deviceSn', str(), false, "device serial number (table calls it 'Sn')"),
      query('timestamp', millis(), true, 'current time in milliseconds, e.g. 1494467276539. Doc: access frequency cannot be too high; poll at most every 10 s'),
    ],
    notes: [
      "doc URL literally '/api/door/doorStateBySn?deviceSn={sn}×tamp={timestamp}&access_token={apitoken}': '×tamp' is '&timestamp'. Heading 'door/doorStateBy{Sn}'.",
      'Documented as one DoorState object although a device has several doors: data accepts one or many and always yields an array.',
      "deviceSn (table: 'Sn: device sn'): the document does not say it is required.",
    ],
  },
  {
    id: 'door.get', method: 'GET', path: '/api/door/get',
    section: '2.12.4', title: 'Get Door Info by Door id', group: 'Door',
    body: 'none', reply: 'object', data: DoorSchema,
    fields: [query('id', str(), false, 'door id')],
    notes: [
      'id: the document does not say it is required.',
    ],
  },
  {
    id: 'door.list', method: 'GET', path: '/api/door/list',
    section: '2.12.5', title: 'Get Door List', group: 'Door',
    body: 'none', reply: 'array', data: listOf(DoorSchema),
    fields: [...paging()],
  },
  {
    id: 'door.remoteCloseById', method: 'POST', path: '/api/door/remoteCloseById',
    section: '2.12.6', title: 'Remote Close by Door Id', group: 'Door',
    body: 'none', reply: 'general', data: noData,
    fallbacks: [{ path: '/api/door/remotecloseById', source: 'zkbio.md §8.2 #6: the URL row spells remotecloseById' }],
    fields: [query('doorId', str(), true, 'door id')],
    notes: [
      "doc URL literally '/api/door/remotecloseById?doorId={doorId}&access_token={apitoken}' (lower-case c); the heading's remoteCloseById (camel case like remoteOpenById) is used. Doorman tries the literal spelling when the server answers 404 (fallbacks).",
    ],
  },
  {
    id: 'door.remoteCloseByName', method: 'POST', path: '/api/door/remoteCloseByName',
    section: '2.12.7', title: 'Remote Close by Door Name', group: 'Door',
    body: 'none', reply: 'general', data: noData,
    fallbacks: [{ path: '/api/door/remotecloseByName', source: 'zkbio.md §8.2 #6: the URL row spells remotecloseByName' }],
    fields: [query('doorName', str(), true, 'door name')],
    notes: [
      "doc URL literally '/api/door/remotecloseByName?doorName={doorName}&access_token={apitoken}' (lower-case c); the heading's remoteCloseByName is used. Doorman tries the literal spelling when the server answers 404 (fallbacks).",
    ],
  },
  {
    id: 'door.remoteOpenById', method: 'POST', path: '/api/door/remoteOpenById',
    section: '2.12.8', title: 'Remote Open by Door Id', group: 'Door',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('doorId', str(), true, 'door id'),
      query('interval', openSeconds(), true, 'door opening time in seconds, 1-254 (appendix -45)'),
    ],
  },
  {
    id: 'door.remoteOpenByName', method: 'POST', path: '/api/door/remoteOpenByName',
    section: '2.12.9', title: 'Remote Open by Door Name', group: 'Door',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('doorName', str(), true, 'door name'),
      query('interval', openSeconds(), true, 'door opening time in seconds, 1-254 (appendix -45)'),
    ],
  },
  {
    id: 'door.list.v2', method: 'GET', path: '/api/v2/door/list',
    section: '2.12.10', title: 'Get Door List (With Total Number)', group: 'Door',
    body: 'none', reply: 'paged', data: paged(DoorSchema),
    fields: [...paging()],
  },
  {
    id: 'floor.list', method: 'GET', path: '/api/floor/list',
    section: '2.13.1', title: 'Get Floor Info List', group: 'Floor',
    body: 'none', reply: 'array', data: listOf(FloorSchema),
    fields: [...paging()],
  },
  {
    id: 'floor.remoteCloseById', method: 'POST', path: '/api/floor/remoteCloseById',
    section: '2.13.2', title: 'Remote Close by Floor Id', group: 'Floor',
    body: 'none', reply: 'general', data: noData,
    fallbacks: [{ path: '/api/floor/remotecloseById', source: 'zkbio.md §8.2 #6: the URL row spells remotecloseById' }],
    fields: [query('floorId', str(), true, 'floor id')],
    notes: [
      "doc URL literally '/api/floor/remotecloseById?floorId={floorId}&access_token={apitoken}' (lower-case c); the heading's remoteCloseById is used. Doorman tries the literal spelling when the server answers 404 (fallbacks).",
    ],
  },
  {
    id: 'floor.remoteOpenById', method: 'POST', path: '/api/floor/remoteOpenById',
    section: '2.13.3', title: 'Remote Open by Floor Id', group: 'Floor',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('floorId', str(), true, 'floor id'),
      query('interval', openSeconds(), true, 'opening (release) time in seconds, 1-254 (appendix -45)'),
    ],
  },
  {
    id: 'floor.list.v2', method: 'GET', path: '/api/v2/floor/list',
    section: '2.13.4', title: 'Get Floor Info List (With Total Number)', group: 'Floor',
    body: 'none', reply: 'paged', data: paged(FloorSchema),
    fields: [...paging()],
    notes: [
      "doc URL literally '/api/floor/list?pageNo=1&pageSize=20&access_token={apitoken}', a copy of 2.13.1; the heading's /api/v2/floor/list is used. Verify on a server.",
    ],
  },
];
