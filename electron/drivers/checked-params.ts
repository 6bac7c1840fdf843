import type { z } from 'zod';
import { paramsSchema, type EndpointSpec } from './endpoint-table.ts';
import { DriverError } from './driver-error.ts';

/** The endpoint a call names, or `invalid_params` before anything is sent. */
export function endpointOrFail<S extends EndpointSpec>(spec: S | undefined, id: string, vendor: string, product: string): S {
  if (!spec) throw new DriverError('invalid_params', `There is no ${product} endpoint "${id}".`, { vendor, endpoint: id });
  return spec;
}

/** Parameters checked against the endpoint's fields (or the vendor's schema for them), or `invalid_params` naming each problem. */
export function checkedParams(spec: EndpointSpec, params: Readonly<Record<string, unknown>>, vendor: string, schema: z.ZodType<Record<string, unknown>> = paramsSchema(spec)): Record<string, unknown> {
  const checked = schema.safeParse(params);
  if (checked.success) return checked.data;
  const issues = checked.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  throw new DriverError('invalid_params', `Parameters for ${spec.id}: ${issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ')}`, {
    vendor,
    endpoint: spec.id,
    details: { issues },
  });
}
