import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The fuses of the packaged Doorman binary (Electron's build-time switches, flipped in the binary
 * itself by scripts/flip-fuses.ts after packaging). Every fuse of this Electron is decided here:
 * `strictlyRequireAllFuses` makes flipping fail on a binary with a fuse this table does not name,
 * so a fuse added by a later Electron is decided, never silently inherited.
 */
export const DOORMAN_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter. Doorman never
  // needs it (its worker threads are not child processes; the CLI runs on plain Node).
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk encrypted with the OS keychain's key, as credentials are.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --inspect…) would let anything that sets the environment run code in the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process, which holds the credentials.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is checked against the hash embedded at packaging (macOS, Windows), and loaded
  // only from app.asar, never from a loose `app/` folder someone drops beside it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No custom V8 snapshot is shipped.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Pages are served from app://doorman, never file://: file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: WebAssembly (the face detector) runs faster with them, at no risk.
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;

/** The fuses by name with the state each must have after flipping ('on' / 'off'). */
export function expectedFuseStates(): [name: string, index: FuseV1Options, state: 'on' | 'off'][] {
  return Object.values(FuseV1Options)
    .filter((v): v is FuseV1Options => typeof v === 'number')
    .map((index) => [FuseV1Options[index], index, DOORMAN_FUSES[index] ? 'on' : 'off']);
}
