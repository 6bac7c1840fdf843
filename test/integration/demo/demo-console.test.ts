import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_HELP, consoleAnswer } from '../../../scripts/demo-console.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../simulators/zhejiang/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';

// The demo's console, as the README's "Try it" uses it: walk-throughs, and a backend going down
// and coming back for the sync queue, against the real simulators.
let zk: ZkbioSimulator;
let ht: HongtuSimulator;
let zj: ZhejiangSimulator;
beforeAll(async () => {
  zk = await startZkbioSimulator({ token: 'T' });
  ht = await startHongtuSimulator({});
  zj = await startZhejiangSimulator({ http: true });
});
afterAll(async () => {
  await zk.close();
  await ht.close();
  await zj.close();
});
const say = (line: string) => consoleAnswer({ zkbio: zk, hongtu: ht, zhejiang: zj }, line.split(' '));

describe('the demo console', () => {
  it('lists the people the README names', () => {
    expect(say('people zkbio')).toMatch(/1001\s+Wei/);
    expect(say('people hongtu')).toMatch(/E1001\s+张三/);
  });

  it('walks a ZKBio person through a door: an access record the API then lists', async () => {
    expect(say('walk zkbio 1001')).toMatch(/^ZKBio: 1001 Wei at /);
    const reply = await fetch(`${zk.url}/api/transaction/list?pageNo=1&pageSize=100&access_token=T`);
    const body = (await reply.json()) as { data: Array<{ pin: string }> | null };
    expect(body.data?.some((record) => record.pin === '1001')).toBe(true);
  });

  it('down resets every connection until up', async () => {
    expect(say('down zkbio')).toContain('up zkbio');
    await expect(fetch(`${zk.url}/api/accLevel/list?access_token=T`)).rejects.toThrow();
    expect(say('up zkbio')).toContain('again');
    expect((await fetch(`${zk.url}/api/accLevel/list?access_token=T`)).status).toBe(200);
  });

  it('queues a Zhejiang task of workers with photos for a device, numbering workers on from the last task', () => {
    const sn = zj.devices[0]!;
    expect(say('zj task')).toMatch(new RegExp(`^Zhejiang: task \\d{19} \\(T_SEND_PERSON\\) for ${sn}: ZJ0001 .+, ZJ0002 .+, ZJ0003 `));
    expect(say(`zj task ${sn} 2`)).toContain('ZJ0004');
    const [first, second] = zj.tasks.all();
    expect(first!.workers.map((w) => [w.personId, w.photo])).toEqual([['ZJ0001', 'ok'], ['ZJ0002', 'ok'], ['ZJ0003', 'ok']]);
    expect(second!.workers.map((w) => w.personId)).toEqual(['ZJ0004', 'ZJ0005']);
    expect(() => say('zj task NOPE')).toThrow(/no device NOPE/);
    expect(() => say(`zj task ${sn} 0`)).toThrow(/1 to 100/);
    expect(say('zj devices')).toContain(`${sn}  offline`);
    expect(say('zj signins')).toContain('no attendance');
    expect(() => consoleAnswer({ zkbio: zk, hongtu: ht }, ['zj', 'devices'])).toThrow(/no Zhejiang/);
  });

  it('answers anything else with the help', () => {
    expect(say('dance')).toBe(CONSOLE_HELP);
  });
});
