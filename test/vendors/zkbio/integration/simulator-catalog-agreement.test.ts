import { describe, expect, it } from 'vitest';
import { zkbioEndpoints } from '../../../../electron/drivers/zkbio/endpoints.ts';
import { CATALOG } from '../../../simulators/zkbio/catalog.ts';

/**
 * The simulator keeps its own endpoint catalog, built from the vendor document, so that it can
 * catch mistakes in the driver's table rather than share them. The two must still name the same
 * endpoints with the same method and path.
 */
describe('ZKBio simulator catalog and driver table', () => {
  it('agree on every endpoint id, method and path', () => {
    const mine = CATALOG.map((entry) => `${entry.id} ${entry.method} ${entry.path}`).sort();
    const theirs = zkbioEndpoints.map((spec) => `${spec.id} ${spec.method} ${spec.path}`).sort();
    expect(theirs).toEqual(mine);
    expect(mine).toHaveLength(217);
  });
});
