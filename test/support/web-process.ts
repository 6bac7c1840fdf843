import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface WebProcess {
  readonly url: string;
  readonly base: string;
  readonly token: string;
  stop(): Promise<void>;
}

/** Starts `node electron/server/main.ts` (what `npm run web` runs after building) on a free port. */
export async function startWebProcess(dataDir: string): Promise<WebProcess> {
  if (!existsSync(`${root}/out/renderer/index.html`)) {
    throw new Error('The renderer is not built: run `npm run build` first (npm test does).');
  }
  const child: ChildProcess = spawn(process.execPath, ['electron/server/main.ts', '--json', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; port: number; token: string };
  return {
    url: info.url,
    base: `http://127.0.0.1:${info.port}`,
    token: info.token,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
