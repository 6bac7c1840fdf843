import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../simulators/hongtu/catalog.ts';

/**
 * The simulator keeps its own endpoint catalog, built from the vendor document, so that it can
 * catch mistakes in the driver's table rather than share them. The two must still name the same
 * endpoints with the same method and path. Skipped until the driver's table exists.
 */
const TABLE = fileURLToPath(new URL('../../../../electron/drivers/hongtu/endpoints.ts', import.meta.url));

interface Named {
  readonly id: string;
  readonly method: string;
  readonly path: string;
}

function isEndpointList(value: unknown): value is readonly Named[] {
  return Array.isArray(value) && value.length > 0 && value.every((item: unknown) => typeof item === 'object' && item !== null && 'id' in item && 'method' in item && 'path' in item);
}

describe('Hongtu simulator catalog and driver table', () => {
  it('has the document’s 80 endpoints, all POST but device.info', () => {
    expect(CATALOG).toHaveLength(80);
    expect(new Set(CATALOG.map((entry) => entry.id)).size).toBe(80);
    expect(CATALOG.filter((entry) => entry.method === 'GET').map((entry) => entry.id)).toEqual(['device.info']);
    expect(CATALOG.every((entry) => entry.path.startsWith('/v1/api/'))).toBe(true);
  });

  it.skipIf(!existsSync(TABLE))('agrees with the driver on every endpoint id, method and path', async () => {
    const module = (await import(TABLE)) as Record<string, unknown>;
    const table = Object.values(module).find(isEndpointList);
    expect(table, 'an exported endpoint list').toBeDefined();
    const mine = CATALOG.map((entry) => `${entry.id} ${entry.method} ${entry.path}`).sort();
    const theirs = (table ?? []).map((spec) => `${spec.id} ${spec.method} ${spec.path}`).sort();
    expect(theirs).toEqual(mine);
  });
});
