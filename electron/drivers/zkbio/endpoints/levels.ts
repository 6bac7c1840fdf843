import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { arrayBody, pathParam, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { commaList, paging, str } from '../field-types.ts';
import { AccessLevelSchema, noData } from '../records.ts';

/** ZKBio §2.1–2.3: access-control levels, "who is inside", elevator levels. */
export const levelEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'accLevel.deleteLevel', method: 'POST', path: '/api/accLevel/deleteLevel',
    section: '2.1.1', title: 'Delete Person Level', group: 'Access Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'person pin'),
      query('levelIds', commaList(), true, 'level group ids, comma separated, e.g. 402856aa6c3bbde1016c3bc2329200ff,402856aa6c3bbde1016c3bc232930100'),
    ],
  },
  {
    id: 'accLevel.getById', method: 'GET', path: '/api/accLevel/getById/{id}',
    section: '2.1.2', title: 'Get Level by Id', group: 'Access Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('id', str(), 'level group id')],
    notes: [
      "Heading reads 'accLevel/getbyId{id}'; URL is /api/accLevel/getById/{id}.",
    ],
  },
  {
    id: 'accLevel.getById.v2', method: 'GET', path: '/api/v2/accLevel/getById',
    section: '2.1.3', title: 'Get Level by Id (V2)', group: 'Access Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [query('id', str(), true, 'level group id')],
  },
  {
    id: 'accLevel.getByName', method: 'GET', path: '/api/accLevel/getByName/{name}',
    section: '2.1.4', title: 'Get Level by Name', group: 'Access Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('name', str(), 'level group name')],
  },
  {
    id: 'accLevel.getByName.v2', method: 'GET', path: '/api/v2/accLevel/getByName',
    section: '2.1.5', title: 'Get Level by Name (V2)', group: 'Access Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [query('name', str(), true, 'level group name')],
  },
  {
    id: 'accLevel.list', method: 'GET', path: '/api/accLevel/list',
    section: '2.1.6', title: 'Get Access Level List', group: 'Access Level',
    body: 'none', reply: 'array', data: listOf(AccessLevelSchema),
    fields: [...paging()],
  },
  {
    id: 'accLevel.syncLevel', method: 'POST', path: '/api/accLevel/syncLevel',
    section: '2.1.7', title: 'Sync Level Info to Device', group: 'Access Level',
    body: 'none', reply: 'general', data: noData,
    fields: [query('levelId', str(), true, 'level group id')],
  },
  {
    id: 'accLevel.syncPerson', method: 'POST', path: '/api/accLevel/syncPerson',
    section: '2.1.8', title: 'Sync Person Level', group: 'Access Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'person pin'),
      query('levelIds', commaList(), true, 'level group ids, comma separated'),
    ],
  },
  {
    id: 'accLevel.list.v2', method: 'GET', path: '/api/v2/accLevel/list',
    section: '2.1.9', title: 'Get Access Level List (With Total Number)', group: 'Access Level',
    body: 'none', reply: 'paged', data: paged(AccessLevelSchema),
    fields: [...paging()],
  },
  {
    id: 'accLevel.addLevel', method: 'POST', path: '/api/accLevel/addLevel',
    section: '2.1.10', title: 'Bulk Add/Edit Access Level Group', group: 'Access Level',
    body: 'json-array', reply: 'general', data: noData,
    fields: [arrayBody(z.strictObject({ name: str(), timeSegName: str(), areaName: str() }))],
  },
  {
    id: 'accLevel.addLevelDoor', method: 'POST', path: '/api/accLevel/addLevelDoor',
    section: '2.1.11', title: 'Bulk Add/Edit Access Control Groups and Add Doors', group: 'Access Level',
    body: 'json-array', reply: 'general', data: noData,
    fields: [arrayBody(z.strictObject({ levelName: str(), doorName: str() }))],
  },
  {
    id: 'accLevel.addLevelPerson', method: 'POST', path: '/api/accLevel/addLevelPerson',
    section: '2.1.12', title: 'Bulk Assign Access Level for Personnel', group: 'Access Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'personnel ID (pin)'),
      query('levelIds', commaList(), true, 'access level ids, comma separated'),
    ],
  },
  {
    id: 'accAdvanced.getWhoIsInsideByZone', method: 'GET', path: '/api/accAdvanced/getWhoIsInsideByZone',
    section: '2.2.1', title: 'Retrieve Personnel by Area Code', group: 'Advanced Access Control',
    body: 'none', reply: 'array', data: listOf(z.unknown()),
    fallbacks: [{ path: '/api/accAdvanced/getWholsInsideByZone', source: 'zkbio.md §8.1 #2: the URL row spells getWholsInsideByZone' }],
    fields: [query('code', str(), true, 'area (zone) ID')],
    notes: [
      "doc URL literally '/api/accAdvanced/getWholsInsideByZone?code={code}&access_token={apitoken}': 'Whols' is 'WhoIs' with the capital I read as l by the PDF conversion (as 'getByld' in the contents); Doorman tries the literal spelling when the server answers 404 (fallbacks).",
    ],
  },
  {
    id: 'accAdvanced.getWhoIsInsideByZoneList', method: 'POST', path: '/api/accAdvanced/getWhoIsInsideByZoneList',
    section: '2.2.2', title: 'Retrieve a Collection of Personnel by Area Code', group: 'Advanced Access Control',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fallbacks: [{ path: '/api/accAdvanced/getWholsInsideByZoneList', source: 'zkbio.md §8.1 #2: the URL row spells getWholsInsideByZoneList' }],
    fields: [...paging()],
    notes: [
      "doc URL literally '/api/accAdvanced/getWholsInsideByZoneList?pageNo={pageNo}&pageSize={pageSize}&access_token={apitoken}' (heading: 'getWholsInsideZoneList'): 'Whols' is 'WhoIs' read with an l; the URL row's 'ByZoneList' is used.",
      "A read sent as POST, as documented. Despite the title ('by Area Code') no code parameter is documented, only pageNo/pageSize.",
    ],
  },
  {
    id: 'eleLevel.deleteLevel', method: 'POST', path: '/api/eleLevel/deleteLevel',
    section: '2.3.1', title: 'Delete Person Level', group: 'Elevator Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'person pin'),
      query('levelIds', commaList(), true, 'elevator level group ids, comma separated'),
    ],
  },
  {
    id: 'eleLevel.getById', method: 'GET', path: '/api/eleLevel/getById/{id}',
    section: '2.3.2', title: 'Get Ele Level by Id', group: 'Elevator Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('id', str(), 'level group id')],
    notes: [
      "doc Request Mode literally 'get'.",
    ],
  },
  {
    id: 'eleLevel.getByName', method: 'GET', path: '/api/eleLevel/getByName/{name}',
    section: '2.3.3', title: 'Get Ele Level by Name', group: 'Elevator Level',
    body: 'none', reply: 'object', data: AccessLevelSchema,
    fields: [pathParam('name', str(), 'level group name')],
  },
  {
    id: 'eleLevel.list', method: 'GET', path: '/api/eleLevel/list',
    section: '2.3.4', title: 'Get Ele Level Group List', group: 'Elevator Level',
    body: 'none', reply: 'array', data: listOf(AccessLevelSchema),
    fields: [...paging()],
  },
  {
    id: 'eleLevel.syncLevel', method: 'POST', path: '/api/eleLevel/syncLevel',
    section: '2.3.5', title: 'Sync Ele Level Group Info to Device', group: 'Elevator Level',
    body: 'none', reply: 'general', data: noData,
    fields: [query('levelId', str(), true, 'level group id')],
  },
  {
    id: 'eleLevel.syncPerson', method: 'POST', path: '/api/eleLevel/syncPerson',
    section: '2.3.6', title: 'Sync Person Ele Level', group: 'Elevator Level',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pin', str(), true, 'person pin'),
      query('levelIds', commaList(), true, 'level group ids, comma separated'),
    ],
  },
  {
    id: 'eleLevel.list.v2', method: 'GET', path: '/api/v2/eleLevel/list',
    section: '2.3.7', title: 'Get Elevator Access Level List (With Total Number)', group: 'Elevator Level',
    body: 'none', reply: 'paged', data: paged(AccessLevelSchema),
    fields: [...paging()],
    notes: [
      "doc URL literally '/api/v2/accLevel/list?pageNo={pageNo}&pageSize={pageSize}&access_token={apitoken}', a copy of 2.1.9; the heading's /api/v2/eleLevel/list is used (the literal URL would list access-control levels). Verify on a server.",
    ],
  },
];
