import { z } from 'zod';
import { body, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { paging, str } from '../field-types.ts';
import { noData } from '../records.ts';

/** ZKBio §2.36–2.39: parking devices and plates, consumption records and accounts. */
export const parkingConsumptionEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'parkBase.getParkChannelList', method: 'GET', path: '/api/v1/parkBase/getParkChannelList',
    section: '2.36.1', title: 'Retrieve the Device Channel List', group: 'Parking Device',
    body: 'none', reply: 'other', data: z.unknown(),
    fields: [...paging()],
    notes: [
      'Response is {data:{data:[...], totalCount}} - a third paging shape. Description calls the fields id/name but the example keys are channelId/channelName.',
    ],
  },
  {
    id: 'parkBase.openGateChannel', method: 'POST', path: '/api/v1/parkBase/openGateChannel',
    section: '2.36.2', title: 'The Specified Device Channel is Opened', group: 'Parking Device',
    body: 'none', reply: 'general', data: noData,
    fields: [query('channelId', str(), true, 'channel id')],
  },
  {
    id: 'parkPlate.addPlate', method: 'POST', path: '/api/v1/parkPlate/addPlate',
    section: '2.36.3', title: 'New and Edit Parking Personnel License Plates', group: 'Parking Device',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), false, 'person pin'),
      body('carNumber', str(), false, "new licence plate, e.g. 'Min A32212'"),
      body('oldCarNumber', str(), false, 'old plate, may be empty'),
    ],
    notes: [
      'pin, carNumber: the document does not say they are required.',
    ],
  },
  {
    id: 'parkPlate.delPlate', method: 'POST', path: '/api/v1/parkPlate/delPlate',
    section: '2.36.4', title: 'Delete the Parking Persons License Plates', group: 'Parking Device',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), false, 'person pin'),
      body('carNumber', str(), false, "licence plate (doc: 'New license plate number')"),
    ],
    notes: [
      'pin, carNumber: the document does not say they are required.',
    ],
  },
  {
    id: 'transaction.listPosTransaction', method: 'GET', path: '/api/transaction/listPosTransaction',
    section: '2.37.1', title: 'Obtain the Offline Consumption Records', group: 'Offline Consumption',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      query('personPin', str(), false, 'pin'),
      query('deptCode', str(), false, 'department number'),
      query('startDate', str(), false, 'start time'),
      query('endDate', str(), false, 'end time'),
      ...paging(),
    ],
  },
  {
    id: 'account.getAccount', method: 'GET', path: '/api/account/getAccount',
    section: '2.38.1', title: 'Get the Personnel Account Information through the Personnel Number', group: 'Online Consumption',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [query('personPin', str(), false, 'personnel number')],
    notes: [
      'personPin: the document does not say it is required.',
    ],
  },
  {
    id: 'transaction.listPosidTransaction', method: 'GET', path: '/api/transaction/listPosidTransaction',
    section: '2.39.1', title: 'Get Consumption Records', group: 'Online Consumption',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      query('personPin', str(), false, 'pin'),
      query('startDate', str(), false, 'start time'),
      query('endDate', str(), false, 'end time'),
      ...paging(),
    ],
    notes: [
      "Amounts here are in 'points' whereas 2.37.1 uses yuan.",
    ],
  },
];
