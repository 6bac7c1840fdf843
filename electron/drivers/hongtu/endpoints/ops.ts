import { z } from 'zod';
import type { HongtuEndpoint } from '../envelope.ts';

/** Hongtu: operations (运维), endpoint 80. */
export const opsEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'device.info', method: 'GET', path: '/v1/api/device/info',
    section: '80', title: '设备信息 / Device info (运维 ops): name, model, system version', group: '运维 / Operations',
    body: 'none', reply: 'object', data: z.looseObject({ name: z.string(), type: z.string(), version: z.string() }),
    fields: [],
    notes: [
      'The one GET (运维): no Headers table and no parameters. The body hash of a GET is not stated (erratum E6): MD5("{}") is signed and no body is sent.',
    ],
  },
];
