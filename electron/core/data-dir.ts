import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'DOORMAN_DATA_DIR';

interface DataDirSources {
  readonly flag?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * Where a plain Node run (CLI, web server) keeps its data: `--data-dir`, else $DOORMAN_DATA_DIR,
 * else the platform's per-user data folder (the same one Electron uses as userData for "Doorman").
 */
export function resolveDataDir({ flag, env = process.env, platform = process.platform, home = homedir() }: DataDirSources = {}): string {
  if (flag) return resolve(flag);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  switch (platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Doorman');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Doorman');
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Doorman');
  }
}
