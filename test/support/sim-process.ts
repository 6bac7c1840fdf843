import { fileURLToPath } from 'node:url';
import { startJsonLineProcess } from './json-line-process.ts';

export interface SimProcess {
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

/** Starts a vendor simulator as its own process (as `npm run cli -- sim <vendor>` does). */
export async function startSimProcess(vendor: 'zkbio', args: readonly string[] = []): Promise<SimProcess> {
  const entry = fileURLToPath(new URL(`../simulators/${vendor}/main.ts`, import.meta.url));
  const sim = await startJsonLineProcess<{ url: string; token: string }>(entry, ['--port', '0', ...args]);
  return { url: sim.info.url, token: sim.info.token, stop: sim.stop };
}
