import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/core/data-dir.ts';

describe('data folder', () => {
  it('prefers --data-dir, then DOORMAN_DATA_DIR', () => {
    expect(resolveDataDir({ flag: 'x', env: { DOORMAN_DATA_DIR: '/env' } })).toBe(resolve('x'));
    expect(resolveDataDir({ env: { DOORMAN_DATA_DIR: '/env' } })).toBe('/env');
  });

  it('falls back to the folder Electron uses as userData', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/u' })).toBe('/home/u/.config/Doorman');
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/u' })).toBe('/xdg/Doorman');
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe('/Users/u/Library/Application Support/Doorman');
    expect(resolveDataDir({ env: { APPDATA: 'C:/Users/u/AppData/Roaming' }, platform: 'win32', home: 'C:/Users/u' })).toMatch(/Roaming[\\/]Doorman$/);
  });
});
