import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { selfSignedCertificate } from '../../support/tls-cert.ts';
import { emptySeed } from './seed.ts';
import { startZkbioSimulator } from './server.ts';
import type { ZkbioSimulator, ZkbioSimulatorOptions } from './server.ts';

/**
 * `sim zkbio` / `node test/simulators/zkbio/main.ts`:
 *   --host 127.0.0.2 --port 8098 --token T [--tls | --tls-key k.pem --tls-cert c.pem] [--empty]
 * Prints one line of JSON {url, token[, fingerprint256]} and runs until SIGINT/SIGTERM.
 * Without --token a random one is made; --tls makes a throwaway self-signed certificate
 * (openssl; subjectAltName IP:127.0.0.1 — pin its fingerprint on other hosts); --empty starts
 * with an empty site instead of the demo one.
 */
export interface SimulatorLaunch {
  readonly options: ZkbioSimulatorOptions;
  readonly fingerprint256?: string;
}

export function parseSimulatorArgs(argv: readonly string[]): SimulatorLaunch {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      tls: { type: 'boolean', default: false },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      empty: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${values.port}`);
  const token = values.token ?? randomBytes(16).toString('hex');
  const base = { host: values.host, port, token, ...(values.empty ? { seed: emptySeed() } : {}) };
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
export async function startSimulatorFromArgs(argv: readonly string[], print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<ZkbioSimulator> {
  const launch = parseSimulatorArgs(argv);
  const simulator = await startZkbioSimulator(launch.options);
  print(JSON.stringify({ url: simulator.url, token: simulator.token, ...(launch.fingerprint256 ? { fingerprint256: launch.fingerprint256 } : {}) }));
  return simulator;
}

/** Runs until SIGINT or SIGTERM, then closes. */
export async function runZkbioSimulatorCli(argv: readonly string[]): Promise<void> {
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
