import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const TOKEN = 'address-token';
let zkbio: ZkbioSimulator;
let core: Core;

beforeEach(async () => {
  zkbio = await startZkbioSimulator({ host: '127.0.0.4', token: TOKEN });
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
});

afterEach(async () => {
  await core.close();
  await zkbio.close();
});

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('a backend’s address in the core (issue 12 items 4, 5, 7)', () => {
  it('stores the address tidied, and refuses the same server twice with the one already there', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Tower A' })).id;
    const pasted = `${zkbio.url.replace(/^http:\/\//, '')}/#/login`;
    const first = await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: pasted, credentials: { token: TOKEN } });
    expect(first.baseUrl).toBe(zkbio.url);

    const again = await refusal(call(core, 'backends.add', { siteId, vendor: 'zkbio', name: 'Again', baseUrl: `${zkbio.url}/`, credentials: { token: TOKEN } }));
    expect(again.code).toBe('backend_already_added');
    expect(again.details).toEqual({ id: first.id, name: first.name, baseUrl: zkbio.url });
    expect((await call(core, 'backends.list', { siteId })).backends).toHaveLength(1);

    // Another port is another server; editing it onto the first one's address is refused too.
    const other = await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.4:9', credentials: { token: TOKEN } });
    expect((await refusal(call(core, 'backends.update', { id: other.id, baseUrl: zkbio.url }))).code).toBe('backend_already_added');
    // Another site may have its own backend at that server.
    const siteB = (await call(core, 'sites.create', { name: 'Tower B' })).id;
    expect((await call(core, 'backends.add', { siteId: siteB, vendor: 'zkbio', baseUrl: zkbio.url, credentials: { token: TOKEN } })).baseUrl).toBe(zkbio.url);
  });

  it('refuses an impossible address as invalid input naming the field, never as an internal error', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Tower A' })).id;
    const error = await refusal(call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://999.1.1.1:8098', credentials: { token: TOKEN } }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.['issues']).toEqual([{ path: ['baseUrl'], code: 'custom', message: 'base_url_ip' }]);
  });

  it('says https:// to a plain-HTTP server is plain HTTP, with no certificate to pin', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Tower A' })).id;
    const httpsUrl = zkbio.url.replace(/^http:/, 'https:');
    const { id } = await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: httpsUrl, credentials: { token: TOKEN } });
    const test = await call(core, 'backends.test', { id });
    expect(test.verdict).toBe('plain-http');
    expect(test.cause).toBe('plain_http');
    expect(test.facts['certificateSha256']).toBeUndefined();
    expect(test.advice?.en).toContain(zkbio.url);
    const inventory = await refusal(call(core, 'backends.inventory', { id, refresh: true }));
    expect(inventory.code).toBe('backend_plain_http');
    expect(inventory.details).toMatchObject({ httpUrl: zkbio.url });
  });

  it('names an address stored before addresses were checked, instead of an internal error', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Tower A' })).id;
    const { id } = await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zkbio.url, credentials: { token: TOKEN } });
    // What an older Doorman let through.
    core.store.db.prepare('UPDATE backends SET base_url = ? WHERE id = ?').run('http://999.1.1.1:8098', id);
    for (const attempt of [call(core, 'backends.test', { id }), call(core, 'backends.inventory', { id, refresh: true })]) {
      const error = await refusal(attempt);
      expect(error.code).toBe('backend_bad_address');
      expect(error.details).toEqual({ id, baseUrl: 'http://999.1.1.1:8098', problem: 'base_url_ip' });
    }
    // Edit puts it right.
    await call(core, 'backends.update', { id, baseUrl: zkbio.url });
    expect((await call(core, 'backends.test', { id })).verdict).toBe('ok');
  });
});
