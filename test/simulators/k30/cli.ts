import { parseArgs } from 'node:util';
import { SERVE_ARGS, portArg } from '../common/cli-args.ts';
import { launchLine, printLine, runUntilSignal } from '../common/cli-run.ts';
import { checkCallbackUrl } from './callbacks.ts';
import { RECORD_FORMS } from './callback-payloads.ts';
import type { RecordForm } from './callback-payloads.ts';
import { DEFAULT_COMPANY_NO, emptySeed } from './seed.ts';
import { startK30Simulator } from './server.ts';
import type { K30Simulator, K30SimulatorOptions } from './server.ts';

/**
 * `sim k30` / `node test/simulators/k30/main.ts`:
 *   --host 127.0.0.4 --port 8080 [--company <16-char companyno>] [--admin-token T] [--max-skew-ms N] [--empty]
 *   [--callback-url http://127.0.0.1:9000/k30] [--callback-form strings|integers|example] [--company-mismatch caller-signed|own-number]
 * Prints one line of JSON {url, companyNo[, adminToken][, callbackUrl]} and runs until SIGINT/SIGTERM.
 * Default port 8080 (the document only says `IP:Port`; its one real address, in a photo URL of
 * region.peopleList's example, is port 8050); `--port 0` takes any free port. Default company
 * number: the one of the document's verified example, `1762766749844335` (visitor.create, k30.md
 * §2.5). The admin token is the company number unless given (then printed).
 * No TLS: every URL in the document is http.
 */
const { host, port, empty } = SERVE_ARGS;
export const DEFAULT_PORT = 8080;

export function parseSimulatorArgs(argv: readonly string[]): K30SimulatorOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host,
      port: { ...port, default: String(DEFAULT_PORT) },
      empty,
      company: { type: 'string', default: DEFAULT_COMPANY_NO },
      'admin-token': { type: 'string' },
      'max-skew-ms': { type: 'string' },
      'callback-url': { type: 'string' },
      'callback-form': { type: 'string', default: 'strings' },
      'company-mismatch': { type: 'string', default: 'caller-signed' },
    },
    strict: true,
  });
  if (Buffer.byteLength(values.company, 'utf8') !== 16) throw new Error(`--company: 16 characters (it is the AES-128 key, k30.md E33), not "${values.company}"`);
  const maxSkewMs = values['max-skew-ms'] === undefined ? undefined : Number(values['max-skew-ms']);
  if (maxSkewMs !== undefined && !(Number.isInteger(maxSkewMs) && maxSkewMs >= 0)) throw new Error(`--max-skew-ms: not a duration: ${values['max-skew-ms']}`);
  const callbackUrl = values['callback-url'] === undefined ? undefined : checkCallbackUrl(values['callback-url']);
  const form = values['callback-form'];
  if (!isRecordForm(form)) throw new Error(`--callback-form: ${RECORD_FORMS.join(' or ')}, not "${form}"`);
  const mismatch = values['company-mismatch'];
  if (mismatch !== 'caller-signed' && mismatch !== 'own-number') throw new Error(`--company-mismatch: caller-signed or own-number, not "${mismatch}"`);
  return {
    host: values.host,
    port: portArg(values.port),
    companyNo: values.company,
    ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
    ...(maxSkewMs !== undefined ? { maxSkewMs } : {}),
    ...(values.empty ? { seed: emptySeed() } : {}),
    ...(callbackUrl !== undefined ? { callbackUrl } : {}),
    callbackRecordForm: form,
    companyMismatch: mismatch,
  };
}

/** Starts the simulator and prints its line; the caller decides how long it runs. */
export async function startSimulatorFromArgs(argv: readonly string[], print: (line: string) => void = printLine): Promise<K30Simulator> {
  const simulator = await startK30Simulator(parseSimulatorArgs(argv));
  const admin = simulator.adminToken === simulator.companyNo ? {} : { adminToken: simulator.adminToken };
  const callbackUrl = simulator.callbacks.current.url;
  print(launchLine({ url: simulator.url, companyNo: simulator.companyNo, ...admin, ...(callbackUrl !== null ? { callbackUrl } : {}) }, undefined));
  return simulator;
}

/** Runs until SIGINT or SIGTERM, then closes. */
export async function runK30SimulatorCli(argv: readonly string[]): Promise<void> {
  await runUntilSignal(await startSimulatorFromArgs(argv));
}

function isRecordForm(text: string): text is RecordForm {
  return (RECORD_FORMS as readonly string[]).includes(text);
}
