import { parseArgs } from 'node:util';
import { SERVE_ARGS, portArg, withTls } from '../common/cli-args.ts';
import type { Launch } from '../common/cli-args.ts';
import { launchLine, printLine, runUntilSignal } from '../common/cli-run.ts';
import { emptySeed } from './seed.ts';
import { startHongtuSimulator } from './server.ts';
import type { HongtuSimulator, HongtuSimulatorOptions } from './server.ts';

/**
 * `sim hongtu` / `node test/simulators/hongtu/main.ts`:
 *   --host 127.0.0.3 --port 18082 [--app-key K --secret S] [--admin-token T] [--max-skew-ms N]
 *   [--tls | --tls-key k.pem --tls-cert c.pem] [--empty]
 * Prints one line of JSON {url, appKey, secretKey, adminToken[, fingerprint256]} and runs until
 * SIGINT/SIGTERM. Without --app-key the document's two pairs are accepted and the first is printed;
 * with --app-key and --secret only that pair is. The rest as common/cli-args.ts.
 */
export type SimulatorLaunch = Launch<HongtuSimulatorOptions>;

export function parseSimulatorArgs(argv: readonly string[]): SimulatorLaunch {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...SERVE_ARGS,
      'app-key': { type: 'string' },
      secret: { type: 'string' },
      'admin-token': { type: 'string' },
      'max-skew-ms': { type: 'string' },
    },
    strict: true,
  });
  const port = portArg(values.port);
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
  return withTls(base, values);
}

/** Starts the simulator and prints its line; the caller decides how long it runs. */
export async function startSimulatorFromArgs(argv: readonly string[], print: (line: string) => void = printLine): Promise<HongtuSimulator> {
  const launch = parseSimulatorArgs(argv);
  const simulator = await startHongtuSimulator(launch.options);
  print(launchLine({ url: simulator.url, appKey: simulator.appKey, secretKey: simulator.secretKey, adminToken: simulator.adminToken }, launch.fingerprint256));
  return simulator;
}

/** Runs until SIGINT or SIGTERM, then closes. */
export async function runHongtuSimulatorCli(argv: readonly string[]): Promise<void> {
  await runUntilSignal(await startSimulatorFromArgs(argv));
}
