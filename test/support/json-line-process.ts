import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface JsonLineProcess<T> {
  /** The first line the process printed, parsed. */
  readonly info: T;
  stop(): Promise<void>;
}

/**
 * Starts `node <entry> …args` and waits for the one JSON line it prints when ready (the web server's
 * `--json` line, a simulator's `{url, token}`); `stop` ends it with SIGTERM.
 */
export async function startJsonLineProcess<T>(entry: string, args: readonly string[], cwd?: string): Promise<JsonLineProcess<T>> {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'], ...(cwd ? { cwd } : {}) });
  const stdout = child.stdout;
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
  });
  return {
    info: JSON.parse(line) as T,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
