import { fileURLToPath } from 'node:url';
import { startJsonLineProcess, type JsonLineProcess } from './json-line-process.ts';

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

/** What `sim zhejiang` prints when ready: the platform's addresses, the credentials to give a bridge, its device sns and admin token. */
export interface ZhejiangSimInfo {
  readonly tcp: string;
  readonly url: string;
  readonly accessId: string;
  readonly accessKey: string;
  readonly accessSecret: string;
  readonly devices: string[];
  readonly adminToken: string;
}

/** Starts the Zhejiang platform simulator as its own process over plain HTTP, TCP and HTTPS on free ports. */
export function startZhejiangSimProcess(): Promise<JsonLineProcess<ZhejiangSimInfo>> {
  const entry = fileURLToPath(new URL('../simulators/zhejiang/main.ts', import.meta.url));
  return startJsonLineProcess<ZhejiangSimInfo>(entry, ['--tcp-port', '0', '--https-port', '0', '--http']);
}
