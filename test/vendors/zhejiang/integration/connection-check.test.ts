import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConnection, type ConnectionCheckConfig } from '../../../../electron/drivers/zhejiang/connection-check.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';

/** The connection check's verdicts (issue 16 items 5, 6) against the strict simulator: clock judged by the platform's Date, a closed port stops at TCP. */
let sim: ZhejiangSimulator;
beforeEach(async () => {
  sim = await startZhejiangSimulator({ http: true });
});
afterEach(async () => {
  await sim.close();
});

function config(overrides: Partial<ConnectionCheckConfig> = {}): ConnectionCheckConfig {
  const [host, port] = [sim.tcpAddress.slice(0, sim.tcpAddress.lastIndexOf(':')), Number(sim.tcpAddress.slice(sim.tcpAddress.lastIndexOf(':') + 1))];
  return {
    session: { host, port, sn: sim.devices[0]!, accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret, deviceVersion: 'doorman-test' },
    url: sim.apiUrl,
    tls: { mode: 'verify' },
    ...overrides,
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Zhejiang connection check', () => {
  it('says every step is ok against a platform with this computer’s time', async () => {
    const lines = await checkConnection(config());
    expect(lines.map((l) => [l.check, l.ok])).toEqual([['tcp', true], ['auth', true], ['clock', true], ['https', true]]);
    expect(lines.find((l) => l.check === 'clock')?.offsetMs).toBe(0);
  });

  it('calls a clock two minutes off wrong, with the offset', async () => {
    const lines = await checkConnection(config({ now: () => Date.now() - 120_000 }));
    const clock = lines.find((l) => l.check === 'clock')!;
    expect(clock.ok).toBe(false);
    expect(Math.abs(clock.offsetMs! - 120_000)).toBeLessThan(2_000);
  });

  it('stops at TCP when nothing listens, with advice, and tries no C_AUTH', async () => {
    const base = config();
    const lines = await checkConnection({ ...base, session: { ...base.session, port: await closedPort() } });
    expect(lines[0]).toMatchObject({ check: 'tcp', ok: false });
    expect(lines[0]?.advice?.en).toContain('could not open the TCP connection');
    expect(lines[0]?.advice?.['zh-CN']).toBeTruthy();
    expect(lines[1]).toMatchObject({ check: 'auth', ok: undefined });
    expect(sim.tcp.heartbeatParams).toEqual([]);
  });
});
