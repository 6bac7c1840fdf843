import { z } from 'zod';
import { body, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { date, datetime, int, pageNo, pageSize, paging, str } from '../field-types.ts';
import { noData } from '../records.ts';

/** ZKBio §2.41: parking basic management. */
export const parkingEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'parkBase.getParkingAreaList.v2', method: 'GET', path: '/api/v2/parkBase/getParkingAreaList',
    section: '2.41.1', title: 'List of Parking Yard Areas (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging()],
  },
  {
    id: 'parkBase.getParkingDiscountList.v2', method: 'GET', path: '/api/v2/parkBase/getParkingDiscountList',
    section: '2.41.2', title: 'Get Parking Discount Strategy List (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging()],
  },
  {
    id: 'parkBase.getParkingEntranceList.v2', method: 'GET', path: '/api/v2/parkBase/getParkingEntranceList',
    section: '2.41.3', title: 'Parking Entry and Exit List (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging()],
  },
  {
    id: 'parkBase.getParkingCarTypeList.v2', method: 'GET', path: '/api/v2/parkBase/getParkingCarTypeList',
    section: '2.41.4', title: 'List of Parking Vehicle Types (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging()],
  },
  {
    id: 'parkBase.getParkingSpaceList.v2', method: 'GET', path: '/api/v2/parkBase/getParkingSpaceList',
    section: '2.41.5', title: 'Parking Space List (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging(), query('areaId', str(), true, "parking area id (doc: 'areald')")],
    notes: [
      "doc URL literally '/api/v2/parkBase/getParkingSpaceList?pageNo=1&pageSize=20&areald=4028b59a788258f501788262e5d209ed&access_token={apitoken}', and 'areald' in the table: 'areald' is 'areaId' read with an l; areaId is sent (try the literal name if the server rejects it).",
    ],
  },
  {
    id: 'parkBase.getParkingChannelList.v2', method: 'GET', path: '/api/v2/parkBase/getParkingChannelList',
    section: '2.41.6', title: 'List of Parking Channels (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging()],
  },
  {
    id: 'parkTransaction.listParkRecordin.v2', method: 'GET', path: '/api/v2/parkTransaction/listParkRecordin',
    section: '2.41.7', title: 'Vehicle Admission List (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      query('carNumber', str(), false, 'plate'),
      query('startDate', datetime(), false, 'yyyy-MM-dd HH:mm:ss; use with endDate'),
      query('endDate', datetime(), false, 'yyyy-MM-dd HH:mm:ss'),
      ...paging(1000),
    ],
    notes: [
      "Same URL as 2.21.1, which documents a plain array with 'parkAreaName'. This section shows a paged object with 'parkingAreaName'.",
    ],
  },
  {
    id: 'parkTransaction.listParkRecordout.v2', method: 'GET', path: '/api/v2/parkTransaction/listParkRecordout',
    section: '2.41.8', title: 'Vehicle Exit List (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      query('carNumber', str(), false, 'plate'),
      query('startDate', datetime(), false, 'yyyy-MM-dd HH:mm:ss; use with endDate'),
      query('endDate', datetime(), false, 'yyyy-MM-dd HH:mm:ss'),
      query('pageNo', pageNo(), true, 'page number, > 0'),
      query('pageSize', pageSize(1000), false, 'records per page, > 0, at most 1000'),
    ],
    notes: [
      'Same method and URL as 2.21.2 (documented there as a plain array). pageSize is not marked required in this section.',
    ],
  },
  {
    id: 'parkPlate.addAllowDisabled.v2', method: 'POST', path: '/api/v2/parkPlate/addAllowDisabled',
    section: '2.41.9', title: 'Edit the Parking Allowed / Prohibited List (V2)', group: 'Parking Basic Management',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('type', int(), false, '0 allowed list, 1 prohibited list'),
      query('carNumber', str(), false, 'new plate'),
      query('oldCarNumber', str(), false, 'old plate'),
      query('parkCode', str(), false, "'Car id'"),
      query('fromTime', date(), false, 'start, e.g. 2018-08-17'),
      query('toTime', date(), false, 'end, e.g. 2019-08-16'),
    ],
    notes: [
      'type, carNumber, fromTime, toTime: the document does not say they are required.',
    ],
  },
  {
    id: 'parkPlate.addFixedVehicle.v2', method: 'POST', path: '/api/v2/parkPlate/addFixedVehicle',
    section: '2.41.10', title: 'Parking of Authorized Vehicle List (V2)', group: 'Parking Basic Management',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('amount', str(), false, 'amount'),
      body('areaId', str(), false, "area id (doc 'areald'/'areaid')"),
      body('carNumber', str(), false, 'plate'),
      body('carTypeId', str(), false, 'car type id'),
      body('startTime', date(), false, 'YYYY-MM-DD'),
      body('endTime', date(), false, 'YYYY-MM-DD'),
      body('entranceIds', str(), false, 'entrance ids, comma separated'),
      body('pin', str(), false, 'person pin'),
      body('spaceId', str(), false, 'space id'),
    ],
    notes: [
      "The example body spells 'areald' and the table 'areaid': areaId is sent ('areald' is the I-read-as-l artefact).",
      "Only spaceId is marked 'not required'; the document does not say whether the other fields are required.",
    ],
  },
  {
    id: 'parkPlate.delFixedVehicle.v2', method: 'POST', path: '/api/v2/parkPlate/delFixedVehicle',
    section: '2.41.11', title: 'Parking Delete Authorized Vehicle List (V2)', group: 'Parking Basic Management',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('carNumber', str(), false, 'plate'), body('pin', str(), false, 'person pin')],
    notes: [
      'carNumber, pin: the document does not say they are required.',
    ],
  },
];
