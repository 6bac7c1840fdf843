import { fileURLToPath } from 'node:url';
import { startJsonLineProcess } from './json-line-process.ts';

/** What a simulator prints when ready: its URL and the credentials to use (token, key pair, or company number). */
export interface SimProcess {
  readonly url: string;
  readonly token: string;
  readonly appKey: string;
  readonly secretKey: string;
  /** K30's 企业编号 (sign secret and AES key); "" for the others. */
  readonly companyNo: string;
  stop(): Promise<void>;
}

/** Starts a vendor simulator as its own process (as `npm run cli -- sim <vendor>` does), on any free port unless `args` names one. */
export async function startSimProcess(vendor: 'zkbio' | 'hongtu' | 'k30', args: readonly string[] = []): Promise<SimProcess> {
  const entry = fileURLToPath(new URL(`../simulators/${vendor}/main.ts`, import.meta.url));
  const sim = await startJsonLineProcess<{ url: string; token?: string; appKey?: string; secretKey?: string; companyNo?: string }>(entry, ['--port', '0', ...args]);
  const { info } = sim;
  return { url: info.url, token: info.token ?? '', appKey: info.appKey ?? '', secretKey: info.secretKey ?? '', companyNo: info.companyNo ?? '', stop: sim.stop };
}
