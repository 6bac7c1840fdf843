import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SERVE_ARGS, portArg, withTls } from '../common/cli-args.ts';
import type { Launch } from '../common/cli-args.ts';
import { launchLine, printLine, runUntilSignal } from '../common/cli-run.ts';
import { emptySeed } from './seed.ts';
import { startZkbioSimulator } from './server.ts';
import type { ZkbioSimulator, ZkbioSimulatorOptions } from './server.ts';

/**
 * `sim zkbio` / `node test/simulators/zkbio/main.ts`:
 *   --host 127.0.0.2 --port 8098 --token T [--tls | --tls-key k.pem --tls-cert c.pem] [--empty]
 * Prints one line of JSON {url, token[, fingerprint256]} and runs until SIGINT/SIGTERM.
 * Without --token a random one is made; the rest as common/cli-args.ts.
 */
export type SimulatorLaunch = Launch<ZkbioSimulatorOptions>;

export function parseSimulatorArgs(argv: readonly string[]): SimulatorLaunch {
  const { values } = parseArgs({ args: [...argv], options: { ...SERVE_ARGS, token: { type: 'string' } }, strict: true });
  const port = portArg(values.port);
  const token = values.token ?? randomBytes(16).toString('hex');
  return withTls({ host: values.host, port, token, ...(values.empty ? { seed: emptySeed() } : {}) }, values);
}

/** Starts the simulator and prints its line; the caller decides how long it runs. */
export async function startSimulatorFromArgs(argv: readonly string[], print: (line: string) => void = printLine): Promise<ZkbioSimulator> {
  const launch = parseSimulatorArgs(argv);
  const simulator = await startZkbioSimulator(launch.options);
  print(launchLine({ url: simulator.url, token: simulator.token }, launch.fingerprint256));
  return simulator;
}

/** Runs until SIGINT or SIGTERM, then closes. */
export async function runZkbioSimulatorCli(argv: readonly string[]): Promise<void> {
  await runUntilSignal(await startSimulatorFromArgs(argv));
}
