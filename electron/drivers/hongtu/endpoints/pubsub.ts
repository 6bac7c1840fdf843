import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { oneOf, str } from '../field-types.ts';
import { SubscriptionSchema, okData, textData } from '../records.ts';

/** Hongtu: the business-data subscription (订阅接口), endpoints 48–50; what is pushed is records.ts PushMessageSchema. */
export const pubsubEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'pubsub.recordAdd', method: 'POST', path: '/v1/api/pubsub/busi/record/add',
    section: '48', title: '业务数据记录订阅接口 / Subscribe to business-data records', group: '订阅接口 / Subscription',
    body: 'json-object', reply: 'string', data: okData,
    fields: [
      body('appKey', str(), false, 'subscriber appKey; defaults to the cappkey of the current request'),
      body('pushUrl', z.url(), true, 'subscriber URL that will receive pushed business data'),
      body('busiTypes', z.array(oneOf(5)).min(1), true, 'business types to subscribe; only 5 (pass record) is documented: 5 通行记录 pass record'),
    ],
    notes: [
      'busiTypes: only "5-通行记录" is documented. What is posted to pushUrl is PushMessageSchema (§7.2); the receiver\'s reply, method and retries are not documented (erratum E43). Whether a second add replaces the subscription is not stated.',
    ],
  },
  {
    id: 'pubsub.recordQuery', method: 'POST', path: '/v1/api/pubsub/busi/record/query',
    section: '49', title: '查询业务数据记录订阅 / Query subscription', group: '订阅接口 / Subscription',
    body: 'json-object', reply: 'object', data: SubscriptionSchema.nullable(),
    fields: [
      body('appKey', str(), false, "subscriber appKey; defaults to the request's cappkey"),
    ],
    notes: ['The document shows only the subscribed case; with no subscription the data is read as null.'],
  },
  {
    id: 'pubsub.recordUnbind', method: 'POST', path: '/v1/api/pubsub/busi/record/unbind',
    section: '50', title: '解除业务数据记录订阅 / Cancel subscription', group: '订阅接口 / Subscription',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('appKey', str(), false, "subscriber appKey; defaults to the request's cappkey"),
    ],
  },
];
