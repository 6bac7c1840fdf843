import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startJsonLineProcess } from './json-line-process.ts';

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
  const web = await startJsonLineProcess<{ url: string; port: number; token: string }>('electron/server/main.ts', ['--json', '--port', '0', '--data-dir', dataDir], root);
  return { url: web.info.url, base: `http://127.0.0.1:${web.info.port}`, token: web.info.token, stop: web.stop };
}
