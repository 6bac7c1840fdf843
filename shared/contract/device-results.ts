import { z } from 'zod';
import { BackendIdSchema } from './backends.ts';

/**
 * What a backend reported about pushing a person to one device, after Doorman synced the person
 * (K30's `authstatus` callback, issue 14 item 5): the latest result per backend, person and
 * device. `personNo` is the backend's own id of the person; `pin` is Doorman's personnel number
 * for it, null when Doorman never sent that person (someone else's people.sync).
 */
export const DeviceResultSchema = z.strictObject({
  backendId: BackendIdSchema,
  pin: z.string().nullable(),
  personNo: z.string(),
  deviceNo: z.string(),
  ok: z.boolean(),
  message: z.string(),
  receivedAt: z.iso.datetime(),
});
export type DeviceResult = z.infer<typeof DeviceResultSchema>;
