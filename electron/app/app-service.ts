import type { AppInfo } from '../../shared/contract/app.ts';
import { APP_VERSION } from './app-version.ts';

/** What `app.info` tells: this build, its data folder and how its secrets are kept. */
export function appInfo(deps: { dataDir: string; runtime: AppInfo['runtime']; schemaVersion: number; secretBox: AppInfo['secretBox'] }): AppInfo {
  return { name: 'Doorman', version: APP_VERSION, schemaVersion: deps.schemaVersion, dataDir: deps.dataDir, runtime: deps.runtime, secretBox: deps.secretBox };
}
