import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { int, millis, paging, str, strOrInt } from '../field-types.ts';
import { AccessDeviceSchema, AreaSchema, noData } from '../records.ts';

/** ZKBio §2.27–2.30: temperature transactions and FaceKiosk persons, areas, devices. */
export const faceKioskEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'hepTransaction.list', method: 'GET', path: '/api/hep/transaction/list',
    section: '2.27.1', title: 'Get Hep Transaction', group: 'Temperature Transaction',
    body: 'none', reply: 'array', data: listOf(z.unknown()),
    fields: [
      query('personPin', str(), false, 'pin'),
      query('startDate', str(), false, 'start time; use together with endDate'),
      query('endDate', str(), false, 'end time; use together with startDate'),
      ...paging(1000),
    ],
    notes: [
      "Section 2.27 is 'Not Available in Some Versions'.",
    ],
  },
  {
    id: 'hepTransaction.monitor', method: 'GET', path: '/api/hep/transaction/monitor',
    section: '2.27.2', title: 'Get Mask and Temperature Real-Time Monitor Events', group: 'Temperature Transaction',
    body: 'none', reply: 'array', data: listOf(z.unknown()),
    fields: [
      query('timestamp', millis(), true, 'millisecond timestamp; poll >= 10 s apart; first value may be reused'),
    ],
    notes: [
      "Heading path 'api//hep/transaction/monitor' has a double slash; URL row is correct.",
    ],
  },
  {
    id: 'attPerson.editInsPerson', method: 'POST', path: '/api/attPerson/editInsPerson',
    section: '2.28.1', title: 'Edit Personal Information', group: 'FaceKiosk',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personPin', strOrInt(), false, 'personnel number'),
      body('category', strOrInt(), false, "ID category: 0 ordinary staff, 1 VIP, 'Blacklist' (no number given); typed string, example 0"),
      body('perDevAuth', int(), false, 'device authority: 0 ordinary staff, 14 super administrator'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
  {
    id: 'insAreaPerson.delAreaPerson', method: 'POST', path: '/api/insAreaPerson/delAreaPerson',
    section: '2.29.1', title: 'Delete Area Personnel', group: 'FaceKiosk',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('code', strOrInt(), false, 'area code (see insAreaPerson.getAreaList); typed string, the example sends 1'),
      body('pins', str(), false, 'pins, comma separated'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
  {
    id: 'insAreaPerson.setAreaPerson', method: 'POST', path: '/api/insAreaPerson/setAreaPerson',
    section: '2.29.2', title: 'Add Area Personnel', group: 'FaceKiosk',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('code', strOrInt(), false, 'area code; typed string, the example sends 1'),
      body('pins', str(), false, 'pins, comma separated'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
  {
    id: 'insAreaPerson.getAreaList', method: 'GET', path: '/api/insAreaPerson/getAreaList',
    section: '2.29.3', title: 'Get a List of Attendance Zones', group: 'FaceKiosk',
    body: 'none', reply: 'array', data: listOf(AreaSchema),
    fields: [...paging(undefined, false)],
    notes: [
      'The parameter table is empty; pageNo and pageSize come from the example URL, so the document does not say they are required.',
    ],
  },
  {
    id: 'insAreaPerson.getAreaList.v2', method: 'GET', path: '/api/v2/insAreaPerson/getAreaList',
    section: '2.29.4', title: 'Get a List of Attendance Zones (With Total Number)', group: 'FaceKiosk',
    body: 'none', reply: 'paged', data: paged(AreaSchema),
    fields: [...paging(undefined, false)],
    notes: [
      'The parameter table is empty; pageNo and pageSize come from the example URL, so the document does not say they are required.',
    ],
  },
  {
    id: 'device.attAdDeviceList', method: 'GET', path: '/api/device/attAdDeviceList',
    section: '2.30.1', title: 'Get Facekiosk Device List', group: 'FaceKiosk',
    body: 'none', reply: 'array', data: listOf(AccessDeviceSchema),
    fields: [...paging()],
  },
  {
    id: 'device.attAdDeviceList.v2', method: 'GET', path: '/api/v2/device/attAdDeviceList',
    section: '2.30.2', title: 'Get Facekiosk Device List (With Total Number)', group: 'FaceKiosk',
    body: 'none', reply: 'paged', data: paged(AccessDeviceSchema),
    fields: [...paging()],
    notes: [
      'Heading bracket shows the v1 path; URL has /v2/.',
    ],
  },
];
