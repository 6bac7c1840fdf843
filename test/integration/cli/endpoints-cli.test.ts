import { describe, expect, it } from 'vitest';
import { driverVendors } from '../../../electron/backends/vendors.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * `endpoints <vendor>` for every vendor with a driver (each table counted against its document),
 * and the "no driver" message, which lists the vendors of the registry (electron/drivers/registry.ts)
 * instead of a fixed name (issue 14 items 3 and 4 of engineer C's brief).
 */
const tempDir = useTempDirs();

interface Row {
  id: string;
  method: string;
  path: string;
}

function endpointsOf(vendor: string): Row[] {
  const run = runCliProcess(['endpoints', vendor, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Row[];
}

describe('endpoints <vendor>', () => {
  it('lists K30’s 27 endpoints with the document’s paths, department.delete under /api/v2 (k30.md §5, E11)', () => {
    const rows = endpointsOf('k30');
    expect(rows).toHaveLength(27);
    expect(new Set(rows.map((r) => r.id)).size).toBe(27);
    expect(rows.every((r) => r.method === 'POST')).toBe(true);
    const paths = Object.fromEntries(rows.map((r) => [r.id, r.path]));
    expect(paths).toMatchObject({
      'people.create': '/openapi/people/Create',
      'people.list': '/openapi/people/getlist',
      'people.sync': '/openapi/people/syncwhitelist',
      'department.delete': '/api/v2/department/Delete',
      'record.list': '/openapi/record/getlist',
      'device.list': '/openapi/Device/GetList',
      'device.status': '/openapi/Device/GetDeviceStatus',
      'device.openDoor': '/openapi/Device/OpenDoor',
      'device.setLongOpen': '/openapi/Device/SetLongOpenByDevice',
      'visitor.sync': '/openapi/visitor/SyncVisitor',
      'region.peopleList': '/openapi/region/getpeoplelist',
    });
    // Every other path is under /openapi, as printed.
    expect(rows.filter((r) => !r.path.startsWith('/openapi/')).map((r) => r.id)).toEqual(['department.delete']);
  });

  it('counts every vendor’s table: ZKBio 217, Hongtu 80, K30 27', () => {
    expect(driverVendors().map((vendor) => [vendor, endpointsOf(vendor).length])).toEqual([
      ['zkbio', 217],
      ['hongtu', 80],
      ['k30', 27],
    ]);
  });
});

describe('a vendor without a driver', () => {
  const available = 'zkbio, hongtu, k30';

  it('is named with the vendors the registry has drivers for, in both languages', () => {
    expect(driverVendors().join(', ')).toBe(available);
    const endpoints = runCliProcess(['endpoints', 'zhejiang']);
    expect(endpoints.code).toBe(2);
    expect(endpoints.stderr).toContain(`Doorman has no driver for "zhejiang" yet (available: ${available}).`);
    const zh = runCliProcess(['endpoints', 'zhejiang', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain(`Doorman 暂无“zhejiang”的驱动（现有：${available}）。`);
    // A name that is no vendor at all gets the same answer, and a missing one the list too.
    expect(runCliProcess(['endpoints', 'acme']).stderr).toContain(`no driver for "acme" yet (available: ${available})`);
    expect(runCliProcess(['endpoints']).stderr).toContain(`Missing <vendor> (${available}).`);
  });

  it('is refused by backend add with the same list', () => {
    const dataDir = tempDir();
    expect(runCliProcess(['sites', 'add', 'Block 3', '--data-dir', dataDir]).code).toBe(0);
    const added = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zhejiang', '--url', 'http://127.0.0.1:1', '--data-dir', dataDir]);
    expect(added.code).toBe(2);
    expect(added.stderr).toContain(`Doorman has no driver for "zhejiang" yet (available: ${available}).`);
  });
});
