import { listOf } from '../../empty-list.ts';
import { body, pathParam, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { datetime, paging, str } from '../field-types.ts';
import { AccessLevelSchema, ReaderSchema, VisitorSchema, noData, scalarData } from '../records.ts';

/** ZKBio §2.15–2.18: access readers, visitor reservations, levels and registrations. */
export const readerVisitorEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'reader.accList', method: 'GET', path: '/api/reader/acclist',
    section: '2.15.1', title: 'Get Access Control Reader Info List', group: 'Access Reader',
    body: 'none', reply: 'array', data: listOf(ReaderSchema),
    fields: [...paging()],
  },
  {
    id: 'reader.getAcc', method: 'GET', path: '/api/reader/getAcc',
    section: '2.15.2', title: 'Get Access Control Reader Info by Reader Id', group: 'Access Reader',
    body: 'none', reply: 'object', data: ReaderSchema,
    fields: [query('id', str(), true, 'reader id')],
    notes: [
      "Description says 'readState'; example key is readerState.",
    ],
  },
  {
    id: 'reader.list.v2', method: 'GET', path: '/api/v2/reader/list',
    section: '2.15.3', title: 'Get Access Control Reader Info List (With Total Number)', group: 'Access Reader',
    body: 'none', reply: 'paged', data: paged(ReaderSchema),
    fields: [...paging()],
    notes: [
      'Example omits offset/lastPage.',
    ],
  },
  {
    id: 'visReservation.add', method: 'POST', path: '/api/visReservation/add',
    section: '2.16.1', title: 'Add Visitor Reservation', group: 'Visitor',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('persPersonPin', str(), true, 'pin of the person being visited (interviewee)'),
      body('certType', str(), true, "certificate type: 2 national ID card, 3 passport, 4 driver's license, 5 work permit, 6 real-name card, 7 driving license, 8 others"),
      body('certNum', str(), true, 'certificate number'),
      body('visitEmpName', str(), true, "doc: 'interviewee name' (example 'Mary'); probably the visitor's name - ambiguous"),
      body('visitEmpPhone', str(), false, 'visitor phone'),
      body('company', str(), false, 'company'),
      body('visitReason', str(), true, 'visit reason'),
      body('visitDate', datetime(), true, "visit start, doc format 'yyyy-MM-dd mm:hh:ss' (example 2018-08-31 14:40:00)"),
      body('visitEndDate', datetime(), true, "visit end, same format (doc labels it 'visit date')"),
    ],
    notes: [
      'Example JSON is missing a comma between visitDate and visitEndDate.',
      "Date format in doc 'yyyy-MM-dd mm:hh:ss' is a typo for 'yyyy-MM-dd HH:mm:ss' (per examples).",
    ],
  },
  {
    id: 'visReservation.del', method: 'POST', path: '/api/visReservation/del',
    section: '2.16.2', title: 'Delete Visitor Reservation', group: 'Visitor',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('certType', str(), true, "certificate type: 2 national ID card, 3 passport, 4 driver's license, 5 work permit, 6 real-name card, 7 driving license, 8 others"),
      query('certNum', str(), true, 'certificate number'),
      query('visitDate', str(), true, 'visit date'),
    ],
    notes: [
      'Server deletes the unique reservation matching certificate type + number + visit date.',
    ],
  },
  {
    id: 'visLevel.list', method: 'GET', path: '/api/visLevel/list',
    section: '2.17.1', title: 'Get Visitor Level Group List', group: 'Visitor',
    body: 'none', reply: 'array', data: listOf(AccessLevelSchema),
    fields: [...paging()],
  },
  {
    id: 'visRegistration.add', method: 'POST', path: '/api/visRegistration/add',
    section: '2.18.1', title: 'Add Visitor Registration', group: 'Visitor',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('persPersonPin', str(), true, 'interviewee (host) pin'),
      body('certType', str(), true, "certificate type: 2 national ID card, 3 passport, 4 driver's license, 5 work permit, 6 real-name card, 7 driving license, 8 others"),
      body('certNum', str(), true, 'visitor certificate number'),
      body('visEmpName', str(), true, 'visitor name (note spelling visEmpName, not visitEmpName)'),
      body('visitEmpPhone', str(), false, 'visitor mobile phone'),
      body('company', str(), false, 'company'),
      body('visitReason', str(), true, 'visit reason'),
      body('visitorCount', str(), true, 'number of visitors (example "1")'),
      body('startTime', datetime(), true, 'start time, e.g. 2018-08-31 14:40:00'),
      body('endTime', datetime(), true, 'end time'),
      body('cardNo', str(), false, 'card number'),
      body('visLevels', str(), false, 'visitor level group ids, comma separated'),
    ],
  },
  {
    id: 'visRegistration.exit', method: 'POST', path: '/api/visRegistration/exit',
    section: '2.18.2', title: 'Visitor Check Out', group: 'Visitor',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('certType', str(), true, "certificate type: 2 national ID card, 3 passport, 4 driver's license, 5 work permit, 6 real-name card, 7 driving license, 8 others"),
      query('certNum', str(), true, 'visitor certificate number'),
    ],
  },
  {
    id: 'visRegistration.getQrCode', method: 'POST', path: '/api/visRegistration/getQrCode/{pin}',
    section: '2.18.3', title: 'Get Visitor Dynamic QR code', group: 'Visitor',
    body: 'json-object', reply: 'scalar', data: scalarData,
    fields: [
      pathParam('pin', str(), 'visitor number (pin), e.g. 80000001'),
      body('pin', str(), true, 'the same pin again: the request content repeats it'),
    ],
    notes: [
      `The request content repeats the path's pin as {"pin": …} (unterminated in the document); the one pin parameter is sent in both places.`,
      'The example response shows data as {}; the description says the dynamic QR code (base64 data).',
    ],
  },
  {
    id: 'visRegistration.getQrCode.v2', method: 'POST', path: '/api/visRegistration/getQrCode',
    section: '2.18.4', title: 'Get Visitor Dynamic QR code (V2)', group: 'Visitor',
    body: 'json-object', reply: 'scalar', data: scalarData,
    fields: [
      query('pin', str(), true, 'visitor id (pin)'),
      body('pin', str(), true, 'the same pin again: the request content repeats it'),
    ],
    notes: [
      `The request content repeats the query's pin as {"pin": …}; the one pin parameter is sent in both places.`,
      "The example response is malformed (two 'data' keys, a missing comma).",
    ],
  },
  {
    id: 'visRegistration.getQrCodeByCertNumber.v2', method: 'POST', path: '/api/v2/visRegistration/getQrCodeByCertNumber',
    section: '2.18.5', title: 'Retrieve a Dynamic QR Code Based on ID/Phone Number', group: 'Visitor',
    body: 'none', reply: 'scalar', data: scalarData,
    fields: [
      query('certNumber', str(), true, 'certificate (ID) number'),
      query('certType', str(), false, 'certificate type'),
      query('phone', str(), false, 'mobile phone'),
    ],
    notes: [
      'certType, phone: the document does not say they are required.',
    ],
  },
  {
    id: 'visVisitor.getVisitorList', method: 'POST', path: '/api/visVisitor/getVisitorList',
    section: '2.18.6', title: 'Retrieve Visitor List', group: 'Visitor',
    body: 'none', reply: 'array', data: listOf(VisitorSchema),
    fields: [
      ...paging(1000),
      query('certNumbers', str(), false, 'certificate number(s)'),
      query('names', str(), false, 'visitor name(s)'),
    ],
    notes: [
      'Response Result Description is empty in the doc; fields taken from the example.',
    ],
  },
];
