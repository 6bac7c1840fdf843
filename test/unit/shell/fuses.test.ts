import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { DOORMAN_FUSES } from '../../../scripts/fuses.ts';

describe('the packaged app’s fuses', () => {
  it('turn off what lets anyone run the binary as Node or inspect it', () => {
    expect(DOORMAN_FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(DOORMAN_FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(DOORMAN_FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('turn on cookie encryption and ASAR integrity, and load the app only from its ASAR', () => {
    expect(DOORMAN_FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(DOORMAN_FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(DOORMAN_FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('decide every fuse this Electron has, so a new one cannot slip through as inherited', () => {
    expect(DOORMAN_FUSES.version).toBe(FuseVersion.V1);
    expect(DOORMAN_FUSES.strictlyRequireAllFuses).toBe(true);
    const fuses = Object.values(FuseV1Options).filter((v): v is FuseV1Options => typeof v === 'number');
    for (const fuse of fuses) expect(typeof DOORMAN_FUSES[fuse], FuseV1Options[fuse]).toBe('boolean');
    expect(DOORMAN_FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});
