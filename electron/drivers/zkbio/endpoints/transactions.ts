import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body, pathParam, query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { datetime, millis, paging, str, strOrInt } from '../field-types.ts';
import { DoorTransactionSchema, TransactionSchema } from '../records.ts';

/** ZKBio §2.19–2.22: access, elevator, park and attendance transactions. */
export const transactionEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'transaction.device', method: 'GET', path: '/api/transaction/device/{deviceSn}',
    section: '2.19.1', title: 'Get Transaction by Device SN', group: 'Access Transaction',
    body: 'none', reply: 'array', data: listOf(TransactionSchema),
    fields: [pathParam('deviceSn', str(), 'device serial number'), ...paging(1000)],
    notes: [
      "doc URL literally '/api/transaction/device/{deviceSn}?pageNo=1&pageSize=20&acc_token={apitoken}': 'acc_token' is a typo for access_token.",
    ],
  },
  {
    id: 'transaction.device.v2', method: 'GET', path: '/api/v2/transaction/device/{deviceSn}',
    section: '2.19.2', title: 'Get Transaction by Device SN (With Total Number)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(TransactionSchema),
    fields: [
      pathParam('deviceSn', str(), 'device serial number'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      "doc URL literally '/api/v2/transaction/device/{deviceSn}?pageNo=1&pageSize=20&acc_token={apitoken}': 'acc_token' is a typo for access_token.",
    ],
  },
  {
    id: 'transaction.device.v3', method: 'GET', path: '/api/v3/transaction/device',
    section: '2.19.3', title: 'Get Transaction by Device SN (With Total Number, V3)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(TransactionSchema),
    fields: [
      query('deviceSn', str(), false, 'device serial number'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      'Heading bracket says [v2/transaction/device/{deviceSn}] but the URL row is /api/v3/transaction/device?deviceSn=, which is used.',
      'deviceSn: the document does not say it is required.',
    ],
  },
  {
    id: 'transaction.list', method: 'GET', path: '/api/transaction/list',
    section: '2.19.4', title: 'Get Access Transaction List', group: 'Access Transaction',
    body: 'none', reply: 'array', data: listOf(TransactionSchema),
    fields: [
      query('personPin', str(), false, 'person pin'),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
    notes: [
      'Optional filters are described but not shown in the example URL.',
    ],
  },
  {
    id: 'transaction.list.v2', method: 'GET', path: '/api/v2/transaction/list',
    section: '2.19.5', title: 'Get Access Transaction List (With Total Number)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(TransactionSchema),
    fields: [
      query('personPin', str(), false, 'person pin'),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
  },
  {
    id: 'transaction.monitor', method: 'GET', path: '/api/transaction/monitor',
    section: '2.19.6', title: 'Get Access Real-Time Monitoring Transaction', group: 'Access Transaction',
    body: 'none', reply: 'array', data: listOf(TransactionSchema),
    fields: [
      query('timestamp', millis(), true, 'millisecond timestamp, e.g. 1494467276539. Doc: poll no more often than every 10 s; the value need not change after the first request - the first value may be reused'),
    ],
    notes: [
      'Monitor records carry no id in the example.',
    ],
  },
  {
    id: 'transaction.person', method: 'GET', path: '/api/transaction/person/{pin}',
    section: '2.19.7', title: 'Get Access Transaction by Pin', group: 'Access Transaction',
    body: 'none', reply: 'array', data: listOf(TransactionSchema),
    fields: [
      pathParam('pin', str(), 'person pin'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      "Example's second record has id: 5 (a number).",
    ],
  },
  {
    id: 'transaction.person.v2', method: 'GET', path: '/api/v2/transaction/person/{pin}',
    section: '2.19.8', title: 'Get Access Transaction by Pin (With Total Number)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(TransactionSchema),
    fields: [
      pathParam('pin', str(), 'person pin (path)'),
      query('personPin', str(), false, 'listed in the table as [not required] (copied from 2.19.5)'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      "Parameter table lists 'personPin [not required]' rather than the path pin (copied from 2.19.5).",
    ],
  },
  {
    id: 'transaction.person.v3', method: 'GET', path: '/api/v3/transaction/person',
    section: '2.19.9', title: 'Get Access Transaction List by Pin (V3, With Total Number)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(TransactionSchema),
    fields: [
      query('pin', str(), false, "person ID (doc marks it 'not required')"),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
    notes: [
      'Heading bracket says [api/v2/transaction/list] but URL is /api/v3/transaction/person?pin=.',
    ],
  },
  {
    id: 'transaction.firstInAndLastOut', method: 'GET', path: '/api/transaction/firstInAndLastOut/{pin}',
    section: '2.19.10', title: 'Get Personnel First In and Last Out Record by Pin', group: 'Access Transaction',
    body: 'none', reply: 'array', data: listOf(z.unknown()),
    fields: [
      pathParam('pin', str(), 'person pin'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
  },
  {
    id: 'transaction.firstInAndLastOut.v2', method: 'GET', path: '/api/v2/transaction/firstInAndLastOut/{pin}',
    section: '2.19.11', title: 'Get Personnel First In and Last Out Record by Pin (With Total Number)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      pathParam('pin', str(), 'person pin'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
  },
  {
    id: 'transaction.firstInAndLastOut.v3', method: 'GET', path: '/api/v2/transaction/firstInAndLastOut',
    section: '2.19.12', title: 'Get Personnel First In and Last Out Record by Pin (With Total Number, V3)', group: 'Access Transaction',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [
      query('pin', str(), true, 'person pin'),
      ...paging(1000),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
    ],
    notes: [
      'Titled V3 but the URL is /api/v2/transaction/firstInAndLastOut?pin= (query form of 2.19.11); no /v3/ path is documented.',
    ],
  },
  {
    id: 'transaction.getDoorTransactions', method: 'POST', path: '/api/transaction/getDoorTransactions',
    section: '2.19.13', title: 'Obtain Door Transaction, Daily Transaction, Personnel Access Transactions', group: 'Access Transaction',
    body: 'json-object', reply: 'ret-envelope', data: listOf(DoorTransactionSchema),
    fields: [
      body('devSn', str(), false, "device serial number (table spells 'devsn')"),
      body('startTime', datetime(), false, 'start time, e.g. 2021-11-19 18:00:00'),
      body('endTime', datetime(), false, 'end time'),
      body('filter', str(), false, 'fuzzy filter on name, last name, PIN'),
      body('type', str(), false, "event type: alarm / normal / warning (example 'normal')"),
      body('eventNo', str(), false, 'event number'),
      body('personPin', str(), false, 'person pin (exact match)'),
      body('pageNo', strOrInt(), false, `page number (table says 'page'; example key pageNo, value "1")`),
      body('pageSize', strOrInt(), false, 'records per page'),
    ],
    notes: [
      "Replies with the ret envelope {ret: 'ok'|'fail', msg, data, i18nArgs, success, page, pageSize, total}, not {code, message, data}.",
      `The table names the paging key 'page' while the example body sends pageNo (values as strings "1"); the document does not say the paging fields are required.`,
    ],
  },
  {
    id: 'transaction.getDoorTransactions.v2', method: 'POST', path: '/api/v2/transaction/getDoorTransactions',
    section: '2.19.14', title: 'Obtain Door Transaction, Daily Transaction, Personnel Access Transactions (With Total Number)', group: 'Access Transaction',
    body: 'json-object', reply: 'ret-envelope', data: paged(TransactionSchema),
    fields: [
      body('devSn', str(), false, "device serial number (table spells 'devsn')"),
      body('startTime', datetime(), false, 'start time, e.g. 2021-11-19 18:00:00'),
      body('endTime', datetime(), false, 'end time'),
      body('filter', str(), false, 'fuzzy filter on name, last name, PIN'),
      body('type', str(), false, "event type: alarm / normal / warning (example 'normal')"),
      body('eventNo', str(), false, 'event number'),
      body('personPin', str(), false, 'person pin (exact match)'),
      body('pageNo', strOrInt(), false, `page number (table says 'page'; example key pageNo, value "1")`),
      body('pageSize', strOrInt(), false, 'records per page'),
    ],
    notes: [
      'Replies with the ret envelope {ret, msg, data, i18nArgs, success}; data is a paging object of access transactions.',
      `The request example is printed as '"content": { … }'; the fields are sent unwrapped as in 2.19.13 (verify). Its startTime example '2023-1-13 18:00:00' is not zero-padded.`,
      "The table names the paging key 'page' while the example body sends pageNo; the document does not say the paging fields are required.",
    ],
  },
  {
    id: 'transaction.getDoorTransactionDetail', method: 'POST', path: '/api/transaction/getDoorTransactionDetail',
    section: '2.19.15', title: 'Get Doors Transaction Details', group: 'Access Transaction',
    body: 'json-object', reply: 'ret-envelope', data: DoorTransactionSchema,
    fields: [body('id', str(), false, 'event id')],
    notes: [
      'Replies with the ret envelope {ret, msg, data, i18nArgs, success}.',
      'The table shows {"content": {id}} while the example body is {"id": …}; the unwrapped form is sent. The table does not say id is required.',
    ],
  },
  {
    id: 'transaction.getById', method: 'GET', path: '/api/transaction/getById/{id}',
    section: '2.19.16', title: 'Get Access Transactions by Event Id', group: 'Access Transaction',
    body: 'none', reply: 'object', data: TransactionSchema,
    fields: [pathParam('id', str(), 'event id')],
    notes: [
      "TOC spells the path 'getByld' (PDF conversion of getById).",
    ],
  },
  {
    id: 'transaction.getById.v2', method: 'GET', path: '/api/v2/transaction/getById',
    section: '2.19.17', title: 'Get Access Transactions by Event Id (With Total Number)', group: 'Access Transaction',
    body: 'none', reply: 'object', data: TransactionSchema,
    fields: [query('id', str(), true, 'event id')],
    notes: [
      "Titled '(With Total Number)' but returns a single object; bracket repeats [api/transaction/getById/{id}].",
    ],
  },
  {
    id: 'eleTransaction.list', method: 'GET', path: '/api/eleTransaction/list',
    section: '2.20.1', title: 'Get Elevator Transaction', group: 'Elevator Transaction',
    body: 'none', reply: 'array', data: listOf(TransactionSchema),
    fields: [
      query('personPin', str(), false, 'person pin'),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
  },
  {
    id: 'eleTransaction.list.v2', method: 'GET', path: '/api/v2/eleTransaction/list',
    section: '2.20.2', title: 'Get Elevator Transaction (With Total Number)', group: 'Elevator Transaction',
    body: 'none', reply: 'paged', data: paged(TransactionSchema),
    fields: [
      query('personPin', str(), false, 'person pin'),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
    notes: [
      'Example has page=1, offset=1.',
    ],
  },
  {
    id: 'parkTransaction.listParkRecordin', method: 'GET', path: '/api/v2/parkTransaction/listParkRecordin',
    section: '2.21.1', title: 'Get Park Entry Transaction', group: 'Park Transaction',
    body: 'none', reply: 'array', data: z.union([listOf(z.unknown()), paged(z.unknown())]),
    fields: [
      query('carNumber', str(), false, 'licence plate'),
      query('startDate', str(), false, 'start'),
      query('endDate', str(), false, 'end'),
      ...paging(1000),
    ],
    notes: [
      'Heading [parkTransaction/listParkRecordin] has no v2 but the URL is /api/v2/…; the same method and URL are documented again in 2.41.7 as a paging object (with parkingAreaName instead of parkAreaName), so data accepts either form.',
    ],
  },
  {
    id: 'parkTransaction.listParkRecordout', method: 'GET', path: '/api/v2/parkTransaction/listParkRecordout',
    section: '2.21.2', title: 'Get Park Exit Transaction', group: 'Park Transaction',
    body: 'none', reply: 'array', data: z.union([listOf(z.unknown()), paged(z.unknown())]),
    fields: [
      query('carNumber', str(), false, 'licence plate'),
      query('startDate', str(), false, 'start'),
      query('endDate', str(), false, 'end'),
      ...paging(1000),
    ],
    notes: [
      'The same method and URL are documented again in 2.41.8 as a paging object, so data accepts either form.',
    ],
  },
  {
    id: 'transaction.listAttTransaction', method: 'GET', path: '/api/transaction/listAttTransaction',
    section: '2.22.1', title: 'Get Att Transaction', group: 'Attendance Transaction',
    body: 'none', reply: 'array', data: listOf(TransactionSchema),
    fields: [
      query('personPin', str(), false, 'person pin'),
      query('startDate', datetime(), false, 'start of time range (format not stated; examples elsewhere use yyyy-MM-dd HH:mm:ss)'),
      query('endDate', datetime(), false, 'end of time range'),
      ...paging(1000),
    ],
  },
];
