import { z } from 'zod';
import { arrayBody, body, pathParam, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { base64, bool, commaList, date, datetime, pageNo, pageSize, str } from '../field-types.ts';
import { PersonSchema, noData, oneOrMany, scalarData } from '../records.ts';

/** ZKBio §2.14: persons. */
export const personEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'person.add', method: 'POST', path: '/api/person/add',
    section: '2.14.1', title: 'Add/Edit Person Info', group: 'Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), true, 'personnel ID (pin)'),
      body('deptCode', str(), false, 'department code'),
      body('name', str(), false, '(first) name'),
      body('lastName', str(), false, "last name ('person name (English)')"),
      body('gender', str(), false, "gender; doc text says 'male, female' but example uses 'F' (M/F elsewhere)"),
      body('cardNo', str(), false, 'card number'),
      body('personPhoto', base64(), false, 'comparison (face) photo as base64; no format/size limit is stated in the doc'),
      body('accLevelIds', str(), false, 'access level group ids, comma separated'),
      body('accStartTime', datetime(), false, 'access validity start, e.g. 2017-08-04 15:45:00'),
      body('accEndTime', datetime(), false, 'access validity end, e.g. 2017-08-04 23:59:59'),
    ],
  },
  {
    id: 'person.delete', method: 'DELETE', path: '/api/person/delete/{pin}',
    section: '2.14.2', title: 'Delete Person Info by Pin', group: 'Person',
    body: 'none', reply: 'general', data: noData,
    fields: [pathParam('pin', str(), 'personnel ID')],
    notes: [
      'DELETE; the POST form person/delete?pin= (2.14.3) does the same for stacks that handle DELETE poorly.',
    ],
  },
  {
    id: 'person.delete.v2', method: 'POST', path: '/api/person/delete',
    section: '2.14.3', title: 'Delete Person Info by Pin (With Total Number)', group: 'Person',
    body: 'none', reply: 'general', data: noData,
    fields: [query('pin', str(), true, 'personnel ID')],
    notes: [
      "Titled '(With Total Number)' and bracketed [person/delete/{pin}], but the URL is POST /api/person/delete?pin= and returns the general result; it is the query-parameter (V2-style) variant.",
    ],
  },
  {
    id: 'person.get', method: 'GET', path: '/api/person/get/{pin}',
    section: '2.14.4', title: 'Get Person Info by Pin', group: 'Person',
    body: 'none', reply: 'object', data: PersonSchema,
    fields: [pathParam('pin', str(), 'personnel ID')],
  },
  {
    id: 'person.get.v2', method: 'GET', path: '/api/person/get',
    section: '2.14.5', title: 'Get Person Info by Pin (With Total Number)', group: 'Person',
    body: 'none', reply: 'object', data: PersonSchema,
    fields: [query('pin', str(), true, 'personnel ID')],
    notes: [
      'Not paged despite the title; single object with extra vislightPhoto fields.',
    ],
  },
  {
    id: 'person.getPersonList', method: 'POST', path: '/api/person/getPersonList',
    section: '2.14.6', title: 'Get Personnel Information according to the PIN Array and the Department Code Array', group: 'Person',
    body: 'json-object', reply: 'other', data: oneOrMany(PersonSchema),
    fields: [
      body('pins', str(), false, 'comma-separated pins, e.g. "1,2,3" (not described in table; from example)'),
      body('deptCodes', str(), false, 'comma-separated department codes, e.g. "1,2" (from example)'),
      body('pageNo', pageNo(), true, 'page number, > 0'),
      body('pageSize', pageSize(), true, 'page size, > 0'),
    ],
    notes: [
      'pins and deptCodes appear only in the example body, not in the parameter table.',
      'The example shows data as a single person object although the request pages over pins/deptCodes: data accepts one or many and always yields an array.',
    ],
  },
  {
    id: 'person.getQrCode', method: 'POST', path: '/api/person/getQrCode/{pin}',
    section: '2.14.7', title: 'Get Dynamic QR Code by Personal Identification Number', group: 'Person',
    body: 'json-object', reply: 'scalar', data: scalarData,
    fields: [
      pathParam('pin', str(), 'personnel ID'),
      body('pin', str(), true, 'the same pin again: the request content repeats it'),
    ],
    notes: [
      `The request content repeats the path's pin as {"pin": …}; the one pin parameter is sent in both places, as printed.`,
    ],
  },
  {
    id: 'person.getQrCode.v2', method: 'POST', path: '/api/v2/person/getQrCode',
    section: '2.14.8', title: 'Get Dynamic QR Code by Personal Identification Number (V2)', group: 'Person',
    body: 'json-object', reply: 'scalar', data: scalarData,
    fields: [
      query('pin', str(), true, 'personnel ID'),
      body('pin', str(), true, 'the same pin again: the request content repeats it'),
    ],
    notes: [
      `The request content repeats the query's pin as {"pin": …}; the one pin parameter is sent in both places, as printed.`,
    ],
  },
  {
    id: 'person.leave', method: 'POST', path: '/api/person/leave',
    section: '2.14.9', title: 'Resignation', group: 'Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), true, 'personnel ID'),
      body('leaveDate', date(), false, 'leave (resignation) date, e.g. 2019-06-10'),
      body('leaveType', str(), false, 'leave type, e.g. "1" (values not documented)'),
    ],
    notes: [
      'Response Result Description cell only repeats the URL (copy error).',
    ],
  },
  {
    id: 'person.addPersonnelBasicInfo', method: 'POST', path: '/api/person/addPersonnelBasicInfo',
    section: '2.14.10', title: 'Add/Edit Personnel Basic Information', group: 'Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), true, 'personnel ID'),
      body('deptCode', str(), false, 'department code'),
      body('name', str(), false, 'first name'),
      body('lastName', str(), false, 'last name'),
      body('gender', str(), false, 'M = male, F = female'),
      body('cardNo', str(), false, 'card number. Setting "" deletes the card; omitting the field keeps the existing card'),
      body('birthday', date(), false, 'birthday, e.g. 2016-07-15'),
      body('certNumber', str(), false, 'certificate number'),
      body('certType', str(), false, "certificate type (see enumeration; this section's list is inconsistent with others)"),
      body('email', str(), false, 'email address'),
      body('hireDate', date(), false, 'hire date, e.g. 2019-06-10'),
      body('isDisabled', bool(), false, 'whether on the prohibited (disabled) list'),
      body('isSendMail', bool(), false, 'whether to send mail'),
      body('mobilePhone', str(), false, 'mobile phone'),
      body('personPwd', str(), false, 'device verification password, e.g. 123456'),
      body('ssn', str(), false, 'social security number'),
      body('supplyCards', str(), false, "secondary cards, comma separated (requires 'one person multiple cards' enabled)"),
    ],
    notes: [
      "certType list here (1 = second-generation ID, 2 = passport, 3/6 = driver's license...) is shifted by one compared with 2.14.12/2.14.13/visitor sections.",
    ],
  },
  {
    id: 'person.updatePersonnelPhoto', method: 'POST', path: '/api/person/updatePersonnelPhoto',
    section: '2.14.11', title: 'Update Personnel Photo by PIN', group: 'Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), true, 'personnel ID'),
      body('personPhoto', base64(), false, 'person photo in base64; if not sent nothing is changed'),
    ],
  },
  {
    id: 'person.getPersonList.v2', method: 'POST', path: '/api/v2/person/getPersonList',
    section: '2.14.12', title: 'Get Personnel Information according to the PIN Array and the Department Code Array (With Total Number)', group: 'Person',
    body: 'json-object', reply: 'paged', data: paged(PersonSchema),
    fields: [
      body('pins', str(), false, 'comma-separated pins, e.g. "1,2,3" (not described in table; from example)'),
      body('deptCodes', str(), false, 'comma-separated department codes, e.g. "1,2" (from example)'),
      body('pageNo', pageNo(), true, 'page number, > 0'),
      body('pageSize', pageSize(), true, 'page size, > 0'),
    ],
    notes: [
      'pins and deptCodes appear only in the example body, not in the parameter table.',
    ],
  },
  {
    id: 'person.reinstated', method: 'POST', path: '/api/person/reinstated',
    section: '2.14.13', title: 'Reinstatement', group: 'Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('pin', str(), true, 'personnel ID'),
      body('deptCode', str(), false, 'department code'),
      body('name', str(), false, 'first name'),
      body('lastName', str(), false, 'last name'),
      body('gender', str(), false, 'M = male, F = female'),
      body('cardNo', str(), false, 'card number. Setting "" deletes the card; omitting the field keeps the existing card'),
      body('birthday', date(), false, 'birthday, e.g. 2016-07-15'),
      body('certNumber', str(), false, 'certificate number'),
      body('certType', str(), false, "certificate type (see enumeration; this section's list is inconsistent with others)"),
      body('email', str(), false, 'email address'),
      body('hireDate', date(), false, 'hire date, e.g. 2019-06-10'),
      body('isDisabled', bool(), false, 'whether on the prohibited (disabled) list'),
      body('isSendMail', bool(), false, 'whether to send mail'),
      body('mobilePhone', str(), false, 'mobile phone'),
      body('personPwd', str(), false, 'device verification password, e.g. 123456'),
      body('ssn', str(), false, 'social security number'),
      body('supplyCards', str(), false, "secondary cards, comma separated (requires 'one person multiple cards' enabled)"),
      body('carPlate', str(), false, 'plates, comma separated, e.g. "A12345,B12345"; "" deletes the plate'),
      body('personPhoto', base64(), false, 'person photo, base64'),
      body('accLevelIds', str(), false, 'access level ids, comma separated'),
      body('accStartTime', datetime(), false, 'e.g. 2017-08-04 15:45:00'),
      body('accEndTime', datetime(), false, 'e.g. 2017-08-04 23:59:59'),
    ],
  },
  {
    id: 'person.addPersons.v2', method: 'POST', path: '/api/v2/person/addPersons',
    section: '2.14.14', title: 'Bulk Add/Edit Personnel Information', group: 'Person',
    body: 'json-array', reply: 'general', data: noData,
    fields: [
      arrayBody(
        z.strictObject({
          pin: str(),
          deptCode: str().optional(),
          name: str().optional(),
          lastName: str().optional(),
          gender: str().optional(),
          cardNo: str().optional(),
          birthday: date().optional(),
          certNumber: str().optional(),
          certType: str().optional(),
          email: str().optional(),
          hireDate: date().optional(),
          isDisabled: bool().optional(),
          isSendMail: bool().optional(),
          mobilePhone: str().optional(),
          personPwd: str().optional(),
          ssn: str().optional(),
          supplyCards: str().optional(),
          carPlate: str().optional(),
          personPhoto: base64().optional(),
          accLevelIds: str().optional(),
          accStartTime: datetime().optional(),
          accEndTime: datetime().optional(),
        }),
      ),
    ],
    notes: [
      'Example objects carry the full 2.14.13 field set; parameter table only lists the 2.14.1 subset.',
    ],
  },
  {
    id: 'person.deleteByPins.v2', method: 'POST', path: '/api/v2/person/deleteByPins',
    section: '2.14.15', title: 'Bulk Delete Personnel Information by PIN', group: 'Person',
    body: 'none', reply: 'general', data: noData,
    fields: [query('pins', commaList(), true, 'comma-separated pins, e.g. pin1,pin2')],
  },
  {
    id: 'person.detectFace.v2', method: 'POST', path: '/api/v2/person/detectFace',
    section: '2.14.16', title: 'Detect whether a Facial Photo can be Extracted or Not', group: 'Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [body('personPhoto', base64(), true, 'user photo, base64')],
    notes: [
      'Result only documented as the general response; outcome is carried by code. The doc does not map error codes to endpoints; appendix codes that plausibly apply: -27 invalid personnel photo, -262 photo not qualified, -5001..-5018 face-quality errors (e.g. -5001 resolution below 80000 pixels, -5002 no face, -5003 multiple faces).',
    ],
  },
];
