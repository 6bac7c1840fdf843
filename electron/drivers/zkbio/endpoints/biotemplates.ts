import { body, pathParam, query } from '../../endpoint-table.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { str } from '../field-types.ts';
import { BioTemplateSchema, noData, oneOrMany } from '../records.ts';

/** ZKBio §2.26: fingerprint templates. */
export const bioTemplateEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'bioTemplate.add', method: 'POST', path: '/api/bioTemplate/add',
    section: '2.26.1', title: 'Add/Edit Personnel BioTemplate', group: 'BioTemplate',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personId', str(), true, `'personnel ID' (in this doc 'personnel ID' normally means the pin; example "666")`),
      body('validType', str(), true, '1 common, 3 duress'),
      body('template', str(), true, 'fingerprint template data'),
      body('templateNo', str(), true, 'finger number, range 0-9'),
    ],
    notes: [
      "doc Request Mode literally 'Post'.",
      `personId is described as 'personnel ID', which elsewhere in the document means the pin (example "666"); verify.`,
    ],
  },
  {
    id: 'bioTemplate.getFgListByPin', method: 'GET', path: '/api/bioTemplate/getFgListByPin/{pin}',
    section: '2.26.2', title: 'Retrieve BioTemplate Information by Personnel Number', group: 'BioTemplate',
    body: 'none', reply: 'object', data: oneOrMany(BioTemplateSchema),
    fields: [pathParam('pin', str(), 'personnel ID')],
    notes: [
      'Named a list, but the example data is a single object: data accepts one or many and always yields an array.',
    ],
  },
  {
    id: 'bioTemplate.delete', method: 'POST', path: '/api/bioTemplate/delete/{pin}',
    section: '2.26.3', title: 'Delete BioTemplate by Personnel ID', group: 'BioTemplate',
    body: 'none', reply: 'general', data: noData,
    fields: [pathParam('pin', str(), 'personnel ID')],
  },
  {
    id: 'bioTemplate.deleteByPinAndTemplateNo', method: 'POST', path: '/api/person/delete/{pin}{templateNo}',
    section: '2.26.4', title: 'Delete Personnel BioTemplate Based on Personnel ID and BioTemplate ID', group: 'BioTemplate',
    body: 'none', reply: 'general', data: noData,
    fields: [pathParam('pin', str(), 'personnel ID'), pathParam('templateNo', str(), 'BioTemplate (finger) number')],
    notes: [
      'The URL is printed as /api/person/delete/{pin}{templateNo}: no separator, and under /api/person/ where DELETE /api/person/delete/{pin} (2.14.2) deletes the whole person. Unverified: confirm the route on a test server, never on production data.',
    ],
  },
  {
    id: 'bioTemplate.getFgListByPin.v2', method: 'GET', path: '/api/v2/bioTemplate/getFgListByPin',
    section: '2.26.5', title: 'Retrieve BioTemplate Information by Personnel ID (V2)', group: 'BioTemplate',
    body: 'none', reply: 'object', data: oneOrMany(BioTemplateSchema),
    fields: [query('pin', str(), true, 'personnel ID')],
    notes: [
      "doc URL literally '/api/v2/bioTemplate/getFgListByPin?access_token={apitoken}': it omits pin, which the table requires; pin is sent as a query parameter.",
      'Named a list, but the example data is a single object: data accepts one or many and always yields an array.',
    ],
  },
  {
    id: 'bioTemplate.deleteByPin.v2', method: 'POST', path: '/api/v2/bioTemplate/deleteByPin',
    section: '2.26.6', title: 'Delete BioTemplate Based on Personnel ID (V2)', group: 'BioTemplate',
    body: 'none', reply: 'general', data: noData,
    fields: [query('pin', str(), true, 'personnel ID')],
  },
  {
    id: 'bioTemplate.deleteByPinAndTemplateNo.v2', method: 'POST', path: '/api/v2/person/delete',
    section: '2.26.7', title: 'Delete Personnel BioTemplate Based on Personnel ID and BioTemplate ID (V2)', group: 'BioTemplate',
    body: 'none', reply: 'general', data: noData,
    fields: [query('pin', str(), true, 'personnel ID'), query('templateNo', str(), true, 'BioTemplate number')],
    notes: [
      'Path /api/v2/person/delete sits next to person delete (/api/person/delete?pin=, 2.14.3); always send templateNo and verify on a test server.',
    ],
  },
];
