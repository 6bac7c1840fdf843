import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body, query } from '../../endpoint-table.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { base64, bool, datetime, int, str, strOrInt } from '../field-types.ts';
import { AccessDeviceSchema, noData, scalarData } from '../records.ts';

/** ZKBio §2.23–2.25: attendance device, abnormal-attendance applications, attendance persons. */
export const attendanceEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'device.getAtt', method: 'GET', path: '/api/device/getAtt',
    section: '2.23.1', title: 'Get Att Device', group: 'Attendance Device',
    body: 'none', reply: 'object', data: AccessDeviceSchema,
    fields: [query('sn', str(), true, 'device serial number')],
  },
  {
    id: 'attApply.applySign', method: 'POST', path: '/api/attApply/applySign',
    section: '2.24.1', title: 'Apply for Re-clock-in', group: 'Abnormal Attendance',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personPin', strOrInt(), false, 'personnel number; typed string, the example sends the number 1'),
      body('remark', str(), false, 'remarks'),
      body('signDatetime', datetime(), false, 're-clock-in time, e.g. 2021-11-19 18:00:00'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
  {
    id: 'attApply.applyOvertime', method: 'POST', path: '/api/attApply/applyOvertime',
    section: '2.24.2', title: 'Apply for Overtime', group: 'Abnormal Attendance',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personPin', strOrInt(), false, 'personnel number'),
      body('startDatetime', datetime(), false, 'start time'),
      body('endDatetime', datetime(), false, 'end time'),
      body('remark', str(), false, 'remarks'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
  {
    id: 'attApply.applyLeave', method: 'POST', path: '/api/attApply/applyLeave',
    section: '2.24.3', title: 'Ask for Leave', group: 'Abnormal Attendance',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personPin', strOrInt(), false, 'personnel number'),
      body('leaveTypeNo', str(), false, 'leave type number, e.g. L1 (see attApply.getLeaveTypeList)'),
      body('startDatetime', datetime(), false, 'start time'),
      body('endDatetime', datetime(), false, 'end time'),
      body('leaveImagePath', str(), false, 'leave photo path returned by attApply.uploadLeaveImage (optional per 2.23.6)'),
      body('remark', str(), false, 'remark'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
  {
    id: 'attApply.getLeaveTypeList', method: 'GET', path: '/api/attApply/getLeaveTypeList',
    section: '2.23.4', title: 'Get Leave Type List', group: 'Abnormal Attendance',
    body: 'none', reply: 'array', data: listOf(z.unknown()),
    fields: [],
    notes: [
      'Numbered 2.23.4 in the doc although it sits under 2.24 (logically 2.24.4).',
    ],
  },
  {
    id: 'attApply.uploadLeaveImage', method: 'POST', path: '/api/attApply/uploadLeaveImage',
    section: '2.23.5', title: 'Upload Leave Picture', group: 'Abnormal Attendance',
    body: 'json-object', reply: 'scalar', data: scalarData,
    fallbacks: [{ path: '/api/attApply/uploadLeavelImage', source: 'zkbio.md §8.2 #8: the URL row spells uploadLeavelImage' }],
    fields: [body('base64Image', base64(), false, 'picture as base64')],
    notes: [
      "doc URL literally '/api/attApply/uploadLeavelImage?access_token={apitoken}'; 2.24.3 and 2.23.6 refer to /api/attApply/uploadLeaveImage, which is used. Doorman tries the literal spelling when the server answers 404 (fallbacks).",
      'Numbered 2.23.5 in the document although it sits under 2.24 (logically 2.24.5).',
    ],
  },
  {
    id: 'attApply.getApplyTimeLong', method: 'POST', path: '/api/attApply/getApplyTimeLong',
    section: '2.23.6', title: 'Calculate the Total Duration of Leave', group: 'Abnormal Attendance',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personPin', strOrInt(), false, 'personnel number'),
      body('leaveTypeNo', str(), false, 'leave type number, e.g. L1 (see attApply.getLeaveTypeList)'),
      body('startDatetime', datetime(), false, 'start time'),
      body('endDatetime', datetime(), false, 'end time'),
      body('leaveImagePath', str(), false, 'leave photo path returned by attApply.uploadLeaveImage (optional per 2.23.6)'),
      body('remark', str(), false, 'remark'),
    ],
    notes: [
      'Numbered 2.23.6 in the document although it sits under 2.24 (logically 2.24.6). A read sent as POST, as documented.',
      'The example reply has data: null; the document does not show where the computed duration is returned.',
    ],
  },
  {
    id: 'attPerson.editAttPerson', method: 'POST', path: '/api/attPerson/editAttPerson',
    section: '2.25.1', title: 'Edit Personal Information', group: 'Attendance Person',
    body: 'json-object', reply: 'general', data: noData,
    fields: [
      body('personPin', strOrInt(), false, 'personnel number'),
      body('isAttendance', bool(), false, 'whether the person takes attendance'),
      body('perDevAuth', int(), false, 'device operation authority: 0 ordinary person, 2 registrar, 6 administrator, 14 super administrator'),
      body('verifyMode', int(), false, 'verification mode 0-29 (see enumeration VerifyMode, e.g. 0 automatic, 1 fingerprint only, 4 card only, 15 face)'),
    ],
    notes: [
      'The document types every field but does not say which are required.',
    ],
  },
];
