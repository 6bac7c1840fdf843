import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

interface CacheDirSources {
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * Where the CLI keeps Node's compile cache: the platform's per-user cache folder, private to the
 * user like the data folder (never the shared temp folder, whose cache another user could plant).
 */
export function compileCacheDir({ env = process.env, platform = process.platform, home = homedir() }: CacheDirSources = {}): string {
  switch (platform) {
    case 'win32':
      return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'Doorman', 'Cache', 'compile');
    case 'darwin':
      return join(home, 'Library', 'Caches', 'Doorman', 'compile');
    default:
      return join(env['XDG_CACHE_HOME'] ?? join(home, '.cache'), 'doorman', 'compile');
  }
}

/**
 * Each CLI run is a new Node process that would otherwise strip the types of, and compile, every
 * module of the core again (about a third of its start-up). Node keys the cache by each file's
 * content, so an edited file is compiled afresh; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
export function enableCliCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  enableCompileCache(compileCacheDir({ env }));
}
