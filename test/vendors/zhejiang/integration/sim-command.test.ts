import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { httpsRequestBody } from '../../../../electron/drivers/zhejiang/params.ts';
import { demoBanner } from '../../../../scripts/demo-banner.ts';
import { startJsonLineProcess } from '../../../support/json-line-process.ts';
import { startZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';

/**
 * `sim zhejiang` through the CLI (issue 16 item 7): the line it prints carries what a bridge needs
 * (TCP address, HTTPS URL, credentials, device numbers) and the admin token that steers it; and the
 * demo banner lists the platform with its credentials and certificate fingerprint.
 */
const CLI = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));

interface Launch {
  tcp: string;
  url: string;
  accessId: string;
  accessKey: string;
  accessSecret: string;
  devices: string[];
  adminToken: string;
  fingerprint256?: string;
}

describe('sim zhejiang', () => {
  it('prints the TCP address, the HTTPS URL, the credentials and the admin token; a task queued by admin is served', async () => {
    const sim = await startJsonLineProcess<Launch>(CLI, ['sim', 'zhejiang', '--tcp-port', '0', '--https-port', '0', '--http', 'on', '--device', '3301001,3301002', '--admin-token', 'adm']);
    try {
      const info = sim.info;
      expect(info.tcp).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/device$/);
      expect(info.devices).toEqual(['3301001', '3301002']);
      expect(info.adminToken).toBe('adm');
      expect(info.accessSecret).toMatch(/^[0-9a-f]{32}$/);
      const base = new URL(info.url).origin;
      const queued = await fetch(`${base}/__sim/tasks`, { method: 'POST', headers: { authorization: 'Bearer adm' }, body: JSON.stringify({ sn: '3301002', apicode: 'T_CLEAR_DEVICE_PERSON' }) });
      const { taskid } = (await queued.json()) as { taskid: string };
      // Without a token the platform refuses (401_01), in the document's words.
      const body = httpsRequestBody({ version: 'v1.0.0', sn: '3301002', token: 'none', apicode: 'T_GET_TASKS', param: { taskids: [taskid] } }, info.accessSecret);
      const reply = (await (await fetch(info.url, { method: 'POST', headers: { 'content-type': 'application/json;charset=UTF-8' }, body })).json()) as { success: boolean; error: { errorcode: string; errmsg: string } };
      expect(reply).toMatchObject({ success: false, error: { errorcode: '401_01', errmsg: 'token 不存在' } });
      const tasks = (await (await fetch(`${base}/__sim/tasks`, { headers: { authorization: 'Bearer adm' } })).json()) as { taskid: string }[];
      expect(tasks.map((t) => t.taskid)).toEqual([taskid]);
    } finally {
      await sim.stop();
    }
  });

  it('runs HTTPS by default with a certificate for its host, and the demo banner lists it', async () => {
    const sim = await startZhejiangSimulator({ tcpPort: 0, httpsPort: 0 });
    try {
      expect(sim.apiUrl.startsWith('https://')).toBe(true);
      const banner = demoBanner({
        url: 'http://127.0.0.1:1/#t',
        dataDir: 'data',
        zkbio: { url: 'http://127.0.0.2:8098', token: 't' },
        hongtu: { url: 'http://127.0.0.3:18082', appKey: 'a', secretKey: 's' },
        k30: { url: 'http://127.0.0.4:8080', companyNo: '1762766749844335' },
        zhejiang: { tcp: sim.tcpAddress, url: sim.apiUrl, accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret, devices: sim.devices, adminToken: sim.adminToken, fingerprint256: sim.fingerprint256 },
      });
      for (const text of [`TCP ${sim.tcpAddress}`, `HTTPS URL ${sim.apiUrl}`, `accessId ${sim.accessId}`, `accessKey ${sim.accessKey}`, `accessSecret ${sim.accessSecret}`, sim.devices[0]!, sim.adminToken, sim.fingerprint256!, '浙江实名制物联平台']) {
        expect(banner).toContain(text);
      }
    } finally {
      await sim.close();
    }
  });
});
