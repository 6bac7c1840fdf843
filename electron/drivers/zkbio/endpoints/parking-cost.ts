import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import type { ZkbioEndpoint } from '../envelope.ts';
import { str } from '../field-types.ts';

/** ZKBio §2.47: parking cost. */
export const parkingCostEndpoints: readonly ZkbioEndpoint[] = [
  {
    id: 'parkCost.vehicleBilling', method: 'POST', path: '/api/v1/parkCost/vehicleBilling',
    section: '2.47.1', title: 'Parking Vehicle Billing', group: 'Parking Cost',
    body: 'json-object', reply: 'object', data: z.looseObject({}),
    fields: [body('carNumber', str(), false, 'licence plate')],
    notes: [
      "doc URL literally '/api/v1/parkCost/vehicleBilling&access_token={apitoken}': '&access_token' without '?'. carNumber: required not stated.",
    ],
  },
  {
    id: 'parkCost.payNotify', method: 'POST', path: '/api/v1/parkCost/payNotify',
    section: '2.47.2', title: 'Parking Vehicle Payment Result Notification', group: 'Parking Cost',
    body: 'json-object', reply: 'object', data: z.looseObject({}),
    fields: [
      body('carNumber', str(), false, 'plate'),
      body('paymentType', str(), false, 'payment method (values not documented)'),
      body('recordId', str(), false, 'recordId from vehicleBilling'),
    ],
    notes: [
      "doc URL literally '/api/v1/parkCost/payNotify&access_token={apitoken}': '&access_token' without '?'. Fields: required not stated.",
    ],
  },
];
