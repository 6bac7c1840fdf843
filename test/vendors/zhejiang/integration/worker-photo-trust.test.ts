import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkerPhoto } from '../../../../electron/bridge/worker-photo.ts';
import { ZhejiangHttpsClient } from '../../../../electron/drivers/zhejiang/https-client.ts';
import { fetchPicture } from '../../../../electron/event-photos/photo-fetch.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';

/**
 * A worker's photo the platform serves itself, over HTTPS with its own (self-signed) certificate, is
 * read with the trust the bridge pins for the platform (found by `npm run demo`: every worker of a
 * task was refused with "self-signed certificate", since photos were read with ordinary verification).
 */
describe('worker photos at a pinned platform', () => {
  let sim: ZhejiangSimulator;
  let client: ZhejiangHttpsClient;

  beforeAll(async () => {
    sim = await startZhejiangSimulator({});
    expect(sim.fingerprint256).toBeTruthy();
    // The simulator serves the photos of the workers it has queued.
    sim.queueTask({ sn: sim.devices[0]!, apicode: 'T_SEND_PERSON', workers: [{ personId: 'W-1', name: '张三', photo: 'ok' }], personIds: [], param: undefined });
    client = new ZhejiangHttpsClient({ url: sim.apiUrl, tls: { mode: 'pinned', fingerprint256: sim.fingerprint256 ?? '' }, sn: sim.devices[0]!, token: () => undefined, accessSecret: sim.accessSecret });
  });

  afterAll(async () => {
    await client?.close();
    await sim?.close();
  });

  const photoUrl = () => `${new URL(sim.apiUrl).origin}/photos/W-1.jpg`;

  it('reads the photo through the platform’s pinned trust, and refuses it without', async () => {
    const read = await readWorkerPhoto([photoUrl()], (url, max, ms) => fetchPicture(url, max, ms, client.trustFor(url)));
    expect('bytes' in read && read.bytes.length > 0).toBe(true);
    const plain = await readWorkerPhoto([photoUrl()], fetchPicture);
    expect('problem' in plain ? plain.problem : '').toContain('self-signed certificate');
  });

  it('lends the platform’s trust to its own origin only', () => {
    expect(client.trustFor(new URL(photoUrl()))).toBeDefined();
    expect(client.trustFor(new URL('https://photos.example.test/W-1.jpg'))).toBeUndefined();
    const other = new URL(sim.apiUrl);
    other.port = String(Number(other.port) + 1);
    expect(client.trustFor(other)).toBeUndefined();
  });
});
