import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { selfSignedCertificate } from '../../support/tls-cert.ts';
import { emptySeed } from './seed.ts';
import { startHongtuSimulator } from './server.ts';
import type { HongtuSimulator, HongtuSimulatorOptions } from './server.ts';

/**
 * `sim hongtu` / `node test/simulators/hongtu/main.ts`:
 *   --host 127.0.0.3 --port 18082 [--app-key K --secret S] [--admin-token T] [--max-skew-ms N]
 *   [--tls | --tls-key k.pem --tls-cert c.pem] [--empty]
 * Prints one line of JSON {url, appKey, secretKey, adminToken[, fingerprint256]} and runs until
 * SIGINT/SIGTERM. Without --app-key the document's two pairs are accepted and the first is printed;
 * with --app-key and --secret only that pair is. --tls makes a throwaway self-signed certificate
 * (openssl; subjectAltName IP:127.0.0.1 — pin its fingerprint on other hosts); --empty starts with
 * an empty platform instead of the demo site.
 */
export interface SimulatorLaunch {
  readonly options: HongtuSimulatorOptions;
  readonly fingerprint256?: string;
}

export function parseSimulatorArgs(argv: readonly string[]): SimulatorLaunch {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      'app-key': { type: 'string' },
      secret: { type: 'string' },
      'admin-token': { type: 'string' },
      'max-skew-ms': { type: 'string' },
      tls: { type: 'boolean', default: false },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      empty: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${values.port}`);
  if ((values['app-key'] === undefined) !== (values.secret === undefined)) throw new Error('--app-key and --secret go together');
  const maxSkewMs = values['max-skew-ms'] === undefined ? undefined : Number(values['max-skew-ms']);
  if (maxSkewMs !== undefined && !(Number.isInteger(maxSkewMs) && maxSkewMs >= 0)) throw new Error(`--max-skew-ms: not a duration: ${values['max-skew-ms']}`);
  const base: HongtuSimulatorOptions = {
    host: values.host,
    port,
    ...(values['app-key'] !== undefined && values.secret !== undefined ? { keyPairs: [{ appKey: values['app-key'], secretKey: values.secret }] } : {}),
    ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
    ...(maxSkewMs !== undefined ? { maxSkewMs } : {}),
    ...(values.empty ? { seed: emptySeed() } : {}),
  };
  if (values['tls-key'] !== undefined || values['tls-cert'] !== undefined) {
    if (values['tls-key'] === undefined || values['tls-cert'] === undefined) throw new Error('--tls-key and --tls-cert go together');
    return { options: { ...base, tls: { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) } } };
  }
  if (values.tls) {
    const cert = selfSignedCertificate();
    return { options: { ...base, tls: { key: cert.key, cert: cert.cert } }, fingerprint256: cert.fingerprint256 };
  }
  return { options: base };
}

/** Starts the simulator and prints its line; the caller decides how long it runs. */
export async function startSimulatorFromArgs(argv: readonly string[], print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<HongtuSimulator> {
  const launch = parseSimulatorArgs(argv);
  const simulator = await startHongtuSimulator(launch.options);
  const line = { url: simulator.url, appKey: simulator.appKey, secretKey: simulator.secretKey, adminToken: simulator.adminToken };
  print(JSON.stringify({ ...line, ...(launch.fingerprint256 ? { fingerprint256: launch.fingerprint256 } : {}) }));
  return simulator;
}

/** Runs until SIGINT or SIGTERM, then closes. */
export async function runHongtuSimulatorCli(argv: readonly string[]): Promise<void> {
  const simulator = await startSimulatorFromArgs(argv);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await simulator.close();
}
