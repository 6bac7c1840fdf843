import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const cliEntry = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const run = promisify(execFile);

/** What a CLI process that could not run leaves on its error. */
type Failed = { stdout?: string; stderr?: string };

/** `node electron/cli/main.ts … --data-dir dataDir --json`, in a clean English environment. */
function runCli(dataDir: string, args: readonly string[]): Promise<{ stdout: string }> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' };
  return run(process.execPath, [cliEntry, ...args, '--data-dir', dataDir, '--json'], { env, encoding: 'utf8' });
}

/**
 * The CLI as a child process on `dataDir`, its `--json` answer parsed; throws with its stderr when
 * it exits with an error. Asynchronous, unlike test/support/cli.ts's runCliProcess: the simulators
 * live in the test's process and could not answer while a synchronous child process blocks its
 * event loop.
 */
export async function cliJson<T = unknown>(dataDir: string, ...args: string[]): Promise<T> {
  try {
    const { stdout } = await runCli(dataDir, args);
    return JSON.parse(stdout) as T;
  } catch (error) {
    const stderr = (error as Failed).stderr ?? String(error);
    throw new Error(`cli ${args.join(' ')} failed: ${stderr}`, { cause: error });
  }
}

/**
 * `cliJson` for the commands whose exit code is part of their answer: `door-test` exits 1 unless
 * the verdict is pass, `sync --once` exits 1 when an entry failed; their JSON is on stdout all the
 * same. Throws only when there is no answer on stdout.
 */
export async function cliAnswer<T = unknown>(dataDir: string, ...args: string[]): Promise<T> {
  const { stdout } = await runCli(dataDir, args).catch((error: Failed) => {
    if (error.stdout) return { stdout: error.stdout };
    throw new Error(`cli ${args.join(' ')} failed: ${error.stderr ?? String(error)}`, { cause: error });
  });
  return JSON.parse(stdout) as T;
}
