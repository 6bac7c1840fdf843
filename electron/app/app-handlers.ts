import type { appMethods, AppInfo } from '../../shared/contract/app.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import { appInfo } from './app-service.ts';

/** The `app.*` methods (shared/contract/app.ts). */
export function appHandlers(deps: { dataDir: string; runtime: AppInfo['runtime']; schemaVersion: number; secretBox: AppInfo['secretBox'] }): AreaHandlers<typeof appMethods> {
  return {
    'app.info': () => appInfo(deps),
  };
}
