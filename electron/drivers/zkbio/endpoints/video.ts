import { z } from 'zod';
import { query } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { commaList, datetime, int, paging, str } from '../field-types.ts';
import { noData } from '../records.ts';

/** ZKBio §2.40: smart video devices. */
export const videoEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'ivsDevice.getParentDevList', method: 'GET', path: '/api/ivsDevice/getParentDevList',
    section: '2.40.1', title: 'Obtain the Main Device Interface', group: 'Smart Video Device',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging()],
  },
  {
    id: 'ivsDevice.getDevList', method: 'GET', path: '/api/ivsDevice/getDevList',
    section: '2.40.2', title: 'Get the Device Interface', group: 'Smart Video Device',
    body: 'none', reply: 'paged', data: paged(z.unknown()),
    fields: [...paging(), query('parentId', str(), true, 'main device id')],
  },
  {
    id: 'ivsDevice.getDeviceRtsp', method: 'GET', path: '/api/ivsDevice/getDeviceRtsp',
    section: '2.40.3', title: 'Gets the Device Live Stream Address', group: 'Smart Video Device',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [
      query('channelId', str(), true, 'channel id'),
      query('rtspType', int(), true, '0 all streams, 1 main stream, 2 sub (auxiliary) stream'),
    ],
  },
  {
    id: 'ivsDevice.getVideoList', method: 'GET', path: '/api/ivsDevice/getVideoList',
    section: '2.40.4', title: 'Gets the Device Playback List', group: 'Smart Video Device',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [
      query('channelId', str(), true, 'channel id'),
      query('startTime', datetime(), true, 'e.g. 2024-02-19 00:00:00'),
      query('endTime', datetime(), true, 'e.g. 2024-02-19 16:37:40'),
    ],
  },
  {
    id: 'ivsDevice.getRtspPlayBack', method: 'GET', path: '/api/ivsDevice/getRtspPlayBack',
    section: '2.40.5', title: 'Obtain the Device Back to the Release Address', group: 'Smart Video Device',
    body: 'none', reply: 'object', data: z.looseObject({}),
    fields: [
      query('channelId', str(), true, 'channel id'),
      query('startTime', datetime(), true, 'start (must lie in a range from getVideoList)'),
      query('endTime', datetime(), true, 'end'),
    ],
    notes: [
      "Title in doc: 'Obtain the Device Back to the Release Address' (machine translation of 'playback address').",
    ],
  },
  {
    id: 'ivsDevice.setPushSetting', method: 'GET', path: '/api/ivsDevice/setPushSetting',
    section: '2.40.6', title: 'Set the Push Address', group: 'Smart Video Device',
    body: 'none', reply: 'general', data: noData,
    fields: [
      query('pushAddress', str(), true, 'push (callback) address'),
      query('alarmCodes', commaList(), false, 'alarm codes, comma separated; empty = subscribe to all alarm types'),
    ],
    notes: [
      'A state-changing call documented as GET. Payload format pushed to pushAddress is not documented; alarm code values are not listed.',
    ],
  },
];
