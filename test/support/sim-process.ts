import { fileURLToPath } from 'node:url';
import { startJsonLineProcess } from './json-line-process.ts';

/** What a simulator prints when ready: its URL and the credentials to use (token, or key pair). */
export interface SimProcess {
  readonly url: string;
  readonly token: string;
  readonly appKey: string;
  readonly secretKey: string;
  stop(): Promise<void>;
}

/** Starts a vendor simulator as its own process (as `npm run cli -- sim <vendor>` does). */
export async function startSimProcess(vendor: 'zkbio' | 'hongtu', args: readonly string[] = []): Promise<SimProcess> {
  const entry = fileURLToPath(new URL(`../simulators/${vendor}/main.ts`, import.meta.url));
  const sim = await startJsonLineProcess<{ url: string; token?: string; appKey?: string; secretKey?: string }>(entry, ['--port', '0', ...args]);
  return { url: sim.info.url, token: sim.info.token ?? '', appKey: sim.info.appKey ?? '', secretKey: sim.info.secretKey ?? '', stop: sim.stop };
}
