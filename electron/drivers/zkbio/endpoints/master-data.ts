import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body, form, pathParam, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { date, file, int, paging, str, strArray } from '../field-types.ts';
import { AreaSchema, CardSchema, DepartmentSchema, noData } from '../records.ts';

/** ZKBio §2.4–2.9: park black/white lists, cards, departments, media, areas, attendance-area persons. */
export const masterDataEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'parkAuthorize.addBlackWhite', method: 'POST', path: '/api/parkAuthorize/addBlackWhite',
    section: '2.4.1', title: 'Authorize Park Black and White List', group: 'Park Authorization',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('type', int(), false, 'list type: 0 = white list, 1 = black list'),
      query('carNumber', str(), false, 'license plate number, e.g. A32212'),
      query('fromTime', date(), false, 'start date, e.g. 2018-08-17'),
      query('toTime', date(), false, 'end date, e.g. 2019-08-16'),
    ],
    notes: [
      'The document does not say which parameters are required.',
    ],
  },
  {
    id: 'parkAuthorize.delBlackWhite', method: 'POST', path: '/api/parkAuthorize/delBlackWhite',
    section: '2.4.2', title: 'Delete Park Black and White List', group: 'Park Authorization',
    body: 'none', reply: 'general', data: noData,
    fields: [query('carNumber', str(), false, 'license plate number')],
    notes: [
      'carNumber: the document does not say it is required.',
    ],
  },
  {
    id: 'parkAuthorize.editBlackWhite', method: 'POST', path: '/api/parkAuthorize/editBlackWhite',
    section: '2.4.3', title: 'Edit Park Black and White List', group: 'Park Authorization',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('type', int(), false, '0 = white list, 1 = black list'),
      query('carNumber', str(), false, 'new license plate number'),
      query('oldCarNumber', str(), false, 'old license plate number'),
      query('fromTime', date(), false, 'start date, e.g. 2018-08-17 (must be filled for white list)'),
      query('toTime', date(), false, 'end date (must be filled for white list)'),
    ],
    notes: [
      "The document does not say which parameters are required; fromTime/toTime 'White List need to be filled in'.",
    ],
  },
  {
    id: 'card.getCards', method: 'GET', path: '/api/card/getCards/{pin}',
    section: '2.5.1', title: 'Get Card List by Personnel ID', group: 'Card',
    body: 'none', reply: 'array', data: listOf(CardSchema),
    fields: [pathParam('pin', str(), 'personnel ID')],
  },
  {
    id: 'card.getCards.v2', method: 'GET', path: '/api/card/getCards',
    section: '2.5.2', title: 'Get Card List by Personnel ID (V2)', group: 'Card',
    body: 'none', reply: 'array', data: listOf(CardSchema),
    fields: [query('pin', str(), true, 'personnel ID')],
    notes: [
      'The V2 variant has no /v2/ segment; it only moves pin from path to query.',
    ],
  },
  {
    id: 'card.set', method: 'POST', path: '/api/card/set',
    section: '2.5.3', title: 'Set Person Card Info', group: 'Card',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), true, 'person pin'),
      body('cardNo', str(), true, 'card number'),
      body('cardType', str(), false, '0 = master card, 1 = sub card (sub card ignored if multi-card function not enabled)'),
    ],
  },
  {
    id: 'department.add', method: 'POST', path: '/api/department/add',
    section: '2.6.1', title: 'Add/Edit Department', group: 'Department',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('name', str(), true, 'department name'),
      body('code', str(), true, 'department code'),
      body('parentCode', str(), false, "parent department code (doc: 'number')"),
    ],
  },
  {
    id: 'department.delete', method: 'DELETE', path: '/api/department/delete/{code}',
    section: '2.6.2', title: 'Delete Department by Code', group: 'Department',
    body: 'none', reply: 'general', data: noData,
    fields: [pathParam('code', str(), 'department code')],
    notes: [
      'DELETE; the POST form department/delete?code= (2.6.3) does the same.',
    ],
  },
  {
    id: 'department.delete.v2', method: 'POST', path: '/api/department/delete',
    section: '2.6.3', title: 'Delete Department by Code (V2)', group: 'Department',
    body: 'none', reply: 'general', data: noData,
    fields: [query('code', str(), true, "department code (doc says 'department id')")],
    notes: [
      'V2 is POST with ?code= ; V1 (2.6.2) is DELETE with path parameter. No /v2/ segment.',
    ],
  },
  {
    id: 'department.get', method: 'GET', path: '/api/department/get/{code}',
    section: '2.6.4', title: 'Get Department Info by Code', group: 'Department',
    body: 'none', reply: 'object', data: DepartmentSchema,
    fields: [pathParam('code', str(), 'department code')],
  },
  {
    id: 'department.get.v2', method: 'GET', path: '/api/department/get',
    section: '2.6.5', title: 'Get Department Info by Code (V2)', group: 'Department',
    body: 'none', reply: 'object', data: DepartmentSchema,
    fields: [query('code', str(), true, 'department code')],
  },
  {
    id: 'department.getDepartmentList', method: 'POST', path: '/api/department/getDepartmentList',
    section: '2.6.6', title: 'Get Department List', group: 'Department',
    body: 'none', reply: 'paged', data: paged(DepartmentSchema),
    fields: [...paging()],
    notes: [
      'Heading says [department/get?code] but URL is /api/department/getDepartmentList; method POST for a read.',
    ],
  },
  {
    id: 'adMedia.add', method: 'POST', path: '/api/adMedia/add',
    section: '2.7.1', title: 'Add or Update Media Info', group: 'Media',
    body: 'multipart', reply: 'general', data: noData,
    fields: [form('file', file(), true, "media file (doc: 'File')"), form('mediaName', str(), true, 'media name')],
    notes: [
      "doc URL literally '/api/adMedia/add&access_token={apitoken}': '&access_token' without '?'; the client sends ?access_token=.",
    ],
  },
  {
    id: 'adMedia.delete', method: 'DELETE', path: '/api/adMedia/delete/{name}',
    section: '2.7.2', title: 'Delete Media by Name', group: 'Media',
    body: 'none', reply: 'general', data: noData,
    fields: [pathParam('name', str(), 'media name')],
    notes: [
      "doc URL literally '/api/adMedia/delete/{name}&access_token={apitoken}': '&access_token' without '?'.",
    ],
  },
  {
    id: 'adMedia.get', method: 'GET', path: '/api/adMedia/get/{name}',
    section: '2.7.3', title: 'Get Media Object by Name', group: 'Media',
    body: 'none', reply: 'array', data: listOf(z.unknown()),
    fields: [pathParam('name', str(), 'media name')],
    notes: [
      "doc URL literally '/api/adMedia/get/{name}&access_token={apitoken}': '&access_token' without '?'.",
      "Described as 'media object' but the example data is an array of one object; mediaPath is doubly quoted in the example.",
    ],
  },
  {
    id: 'area.get', method: 'GET', path: '/api/attAreaPerson/area/get/{code}',
    section: '2.8.1', title: 'Get Area Object by Area Code', group: 'Area',
    body: 'none', reply: 'object', data: AreaSchema,
    fields: [
      pathParam('code', str(), "area code (doc says 'department code')"),
      query('code', str(), true, 'the same area code again, as the URL prints it (?code=1)'),
    ],
    notes: [
      "doc URL literally '/api/attAreaPerson/area/get/{code}?code=1&access_token={apitoken}': the code is in the path and again as ?code=; both are sent, as printed.",
      "The table calls code 'department code'; it is the area code. The example shows id 1 and a 32-hex code, the reverse of 2.8.3.",
    ],
  },
  {
    id: 'area.get.v2', method: 'GET', path: '/api/v2/attAreaPerson/area/get',
    section: '2.8.2', title: 'Get Area Object by Area Code (V2)', group: 'Area',
    body: 'none', reply: 'object', data: AreaSchema,
    fields: [query('code', str(), true, "area code (doc says 'department code')")],
  },
  {
    id: 'area.list', method: 'GET', path: '/api/attAreaPerson/area/list',
    section: '2.8.3', title: 'Get Area List', group: 'Area',
    body: 'none', reply: 'array', data: listOf(AreaSchema),
    fields: [...paging()],
  },
  {
    id: 'area.list.v2', method: 'GET', path: '/api/v2/attAreaPerson/area/list',
    section: '2.8.4', title: 'Get Area List (Total Quantity)', group: 'Area',
    body: 'none', reply: 'paged', data: paged(AreaSchema),
    fields: [...paging()],
  },
  {
    id: 'attAreaPerson.delete', method: 'DELETE', path: '/api/attAreaPerson/delete',
    section: '2.9.1', title: 'Delete Area Person', group: 'Attendance Area Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('code', str(), true, 'area code'), body('pins', str(), true, 'pin(s); example is a string "5"')],
    notes: [
      'DELETE with a JSON body (some HTTP stacks and proxies drop it). pins is a string ("5") here while 2.9.2 sends an array.',
    ],
  },
  {
    id: 'attAreaPerson.set', method: 'POST', path: '/api/attAreaPerson/set',
    section: '2.9.2', title: 'Set Area Person', group: 'Attendance Area Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('code', str(), true, 'area code'), body('pins', strArray(), true, 'pins, e.g. ["5"]')],
  },
];
