import { parseArgs } from 'node:util';
import { portArg } from '../common/cli-args.ts';
import { launchLine, printLine, runUntilSignal } from '../common/cli-run.ts';
import { startZhejiangSimulator, type ZhejiangSimulator, type ZhejiangSimulatorOptions } from './server.ts';

/**
 * `sim zhejiang` / `node test/simulators/zhejiang/main.ts`:
 *   --host 127.0.0.5 --tcp-port 8900 --https-port 8943 [--http] [--admin-token T]
 *   [--access-id I --access-key K --access-secret S] [--device 1388186,…]
 * Prints one line of JSON {tcp, url (the one HTTPS URL), accessId, accessKey, accessSecret,
 * devices, adminToken[, fingerprint256]} and runs until SIGINT/SIGTERM. The document leaves both
 * addresses blank (S2): the ports are ours; `0` takes any free port. The certificate is made at
 * start for the host's IP and signed by no one: pin its fingerprint (or use --http).
 */
export const DEFAULT_TCP_PORT = 8900;
export const DEFAULT_HTTPS_PORT = 8943;

export function parseZhejiangArgs(argv: readonly string[]): ZhejiangSimulatorOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      'tcp-port': { type: 'string', default: String(DEFAULT_TCP_PORT) },
      'https-port': { type: 'string', default: String(DEFAULT_HTTPS_PORT) },
      http: { type: 'boolean', default: false },
      'admin-token': { type: 'string' },
      'access-id': { type: 'string' },
      'access-key': { type: 'string' },
      'access-secret': { type: 'string' },
      device: { type: 'string' },
    },
    strict: true,
  });
  const devices = values.device?.split(',').map((sn) => sn.trim()).filter((sn) => sn !== '');
  if (devices && devices.length === 0) throw new Error('--device: one or more device numbers, comma-separated');
  return {
    host: values.host,
    tcpPort: portArg(values['tcp-port']),
    httpsPort: portArg(values['https-port']),
    http: values.http,
    ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
    ...(values['access-id'] !== undefined ? { accessId: values['access-id'] } : {}),
    ...(values['access-key'] !== undefined ? { accessKey: values['access-key'] } : {}),
    ...(values['access-secret'] !== undefined ? { accessSecret: values['access-secret'] } : {}),
    ...(devices ? { devices } : {}),
  };
}

/** What a device (and the person testing it) needs: both addresses, the credentials, the admin token. */
export function zhejiangLaunchFields(sim: ZhejiangSimulator): Record<string, unknown> {
  return { tcp: sim.tcpAddress, url: sim.apiUrl, accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret, devices: sim.devices, adminToken: sim.adminToken };
}

export async function runZhejiangSimulatorCli(argv: readonly string[]): Promise<void> {
  const sim = await startZhejiangSimulator(parseZhejiangArgs(argv));
  printLine(launchLine(zhejiangLaunchFields(sim), sim.fingerprint256));
  await runUntilSignal(sim);
}
