import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SimProcess {
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

/** Starts a vendor simulator as its own process (as `npm run cli -- sim <vendor>` does). */
export async function startSimProcess(vendor: 'zkbio', args: readonly string[] = []): Promise<SimProcess> {
  const entry = fileURLToPath(new URL(`../simulators/${vendor}/main.ts`, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${vendor} simulator exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; token: string };
  return {
    url: info.url,
    token: info.token,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
