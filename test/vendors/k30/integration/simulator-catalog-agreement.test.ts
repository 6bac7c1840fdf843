import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../simulators/k30/catalog.ts';
import { k30Endpoints } from '../../../../electron/drivers/k30/endpoints.ts';

/**
 * The simulator keeps its own endpoint catalog, built from the vendor document, so that it can
 * catch mistakes in the driver's table rather than share them. The two must still name the same
 * endpoints with the same method and path. Skipped until the driver's table exists.
 */
const TABLE = fileURLToPath(new URL('../../../../electron/drivers/k30/endpoints.ts', import.meta.url));

interface Named {
  readonly id: string;
  readonly method: string;
  readonly path: string;
}

function isEndpointList(value: unknown): value is readonly Named[] {
  return Array.isArray(value) && value.length > 0 && value.every((item: unknown) => typeof item === 'object' && item !== null && 'id' in item && 'method' in item && 'path' in item);
}

describe('K30 simulator catalog and driver table', () => {
  it('has the document’s 27 endpoints, POST, at the paths as printed', () => {
    expect(CATALOG).toHaveLength(27);
    expect(new Set(CATALOG.map((entry) => entry.id)).size).toBe(27);
    expect(CATALOG.every((entry) => entry.method === 'POST')).toBe(true);
    expect(CATALOG.filter((entry) => !entry.path.startsWith('/openapi/')).map((entry) => `${entry.id} ${entry.path}`)).toEqual(['department.delete /api/v2/department/Delete']);
    expect(CATALOG.map((entry) => entry.path)).toEqual(expect.arrayContaining(['/openapi/people/Create', '/openapi/people/getlist', '/openapi/Device/GetList', '/openapi/Device/SetLongOpenByDevice']));
  });

  it.skipIf(!existsSync(TABLE))('agrees with the driver on every endpoint id, method and path', async () => {
    const module = (await import(TABLE)) as Record<string, unknown>;
    const table = Object.values(module).find(isEndpointList);
    expect(table, 'an exported endpoint list').toBeDefined();
    const mine = CATALOG.map((entry) => `${entry.id} ${entry.method} ${entry.path}`).sort();
    const theirs = (table ?? []).map((spec) => `${spec.id} ${spec.method} ${spec.path}`).sort();
    expect(theirs).toEqual(mine);
  });

  it('agrees with the driver on every field: name, order, required, Int or text, length; and on the reply shape', () => {
    const REPLY = { paged: 'page', none: 'none', object: 'object' } as const;
    for (const entry of CATALOG) {
      const spec = k30Endpoints.find((candidate) => candidate.id === entry.id);
      if (!spec) throw new Error(`driver has no ${entry.id}`);
      expect(spec.reply, entry.id).toBe(REPLY[entry.reply]);
      expect(spec.fields.map((field) => `${field.name}${field.required ? '!' : ''}`), entry.id).toEqual(entry.fields.map((field) => `${field.name}${field.required ? '!' : ''}`));
      for (const field of entry.fields) {
        const schema = spec.fields.find((candidate) => candidate.name === field.name)?.schema;
        if (!schema) throw new Error(`${entry.id} ${field.name}`);
        expect(schema.safeParse(field.kind === 'i' ? '1' : 1).success, `${entry.id} ${field.name} is ${field.kind}`).toBe(false);
        if (field.maxLength !== undefined) expect(schema.safeParse('1'.repeat(field.maxLength + 1)).success, `${entry.id} ${field.name} ≤ ${field.maxLength}`).toBe(false);
      }
    }
  });
});
