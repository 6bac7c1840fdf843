import { z } from 'zod';
import type { EndpointSpec, FieldSpec } from '../../electron/drivers/endpoint-table.ts';

/** Plain values tried first, in order: ids, times, base64, clock times, digits, mail, URL, bytes. */
const LEAVES: readonly unknown[] = [
  '402856aa6c3bbde1016c3bc2329200ff',
  '2024-01-02 03:04:05',
  '2024-01-02',
  'aGVsbG8=',
  '08:30',
  '1621836519111',
  '123456',
  'guard@example.com',
  'http://192.0.2.10:8080/hongtu/push',
  1,
  true,
  new Uint8Array([0xff, 0xd8, 0xff]),
];

/** A value the schema accepts, built from the schema alone (required object keys only). */
export function sample(schema: z.ZodType): unknown {
  for (const leaf of LEAVES) if (schema.safeParse(leaf).success) return leaf;
  if (schema instanceof z.ZodLiteral) return [...schema.values][0];
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodOptional) return sample(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return [sample(schema.element as z.ZodType)];
  if (schema instanceof z.ZodObject) {
    const entries = Object.entries(schema.shape as Record<string, z.ZodType>).filter(([, field]) => !(field instanceof z.ZodOptional));
    return Object.fromEntries(entries.map(([key, field]) => [key, sample(field)]));
  }
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly z.ZodType[]) {
      const value = sample(option);
      if (schema.safeParse(value).success) return value;
    }
  }
  throw new Error('no sample value for this schema');
}

/** The smallest parameters an endpoint accepts: a sample for each required field. */
export function minimalParams(endpoint: EndpointSpec): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of endpoint.fields) if (field.required) params[field.name] = sample(field.schema);
  return params;
}

export function fieldsIn(endpoint: EndpointSpec, location: FieldSpec['in']): readonly FieldSpec[] {
  return endpoint.fields.filter((field) => field.in === location);
}
