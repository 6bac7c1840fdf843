import { describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../../electron/cli/compile-cache.ts';

describe('the CLI compile cache folder', () => {
  it('is the per-user cache folder of each platform', () => {
    expect(compileCacheDir({ env: {}, platform: 'linux', home: '/home/ann' })).toBe('/home/ann/.cache/doorman/compile');
    expect(compileCacheDir({ env: { XDG_CACHE_HOME: '/var/cache/ann' }, platform: 'linux', home: '/home/ann' })).toBe('/var/cache/ann/doorman/compile');
    expect(compileCacheDir({ env: {}, platform: 'darwin', home: '/Users/ann' })).toBe('/Users/ann/Library/Caches/Doorman/compile');
    expect(compileCacheDir({ env: { LOCALAPPDATA: 'C:/Users/ann/AppData/Local' }, platform: 'win32', home: 'C:/Users/ann' })).toMatch(/^C:[/\\]Users[/\\]ann[/\\]AppData[/\\]Local[/\\]Doorman[/\\]Cache[/\\]compile$/);
  });

  it('is never the shared temporary folder', () => {
    expect(compileCacheDir({ env: { TMPDIR: '/tmp' }, platform: 'linux', home: '/home/ann' }).startsWith('/home/ann/')).toBe(true);
  });
});
