// After packaging: `node scripts/flip-fuses.ts <packaged app binary>` sets the binary's Electron
// fuses as scripts/fuses.ts says, then reads them back. Run it on the packaged executable
// (Linux `doorman`, Windows `Doorman.exe`, macOS `Doorman.app`) before signing it. Exit 0 when every
// fuse is as the table says; 1 when the file is not an Electron binary, its Electron has a fuse the
// table does not decide, or a fuse did not take; 2 on a wrong call.
import { FuseState, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { DOORMAN_FUSES, expectedFuseStates } from './fuses.ts';

const [binary, ...rest] = process.argv.slice(2);
if (!binary || rest.length > 0) {
  console.error('Usage: node scripts/flip-fuses.ts <packaged app binary>   (Linux: doorman, Windows: Doorman.exe, macOS: Doorman.app)');
  process.exit(2);
}

function fail(message: string): never {
  console.error(`flip-fuses: ${binary}: ${message}`);
  process.exit(1);
}

try {
  await getCurrentFuseWire(binary);
} catch (error) {
  fail(`not an Electron binary (no fuse wire found): ${error instanceof Error ? error.message : String(error)}`);
}

try {
  // On macOS the flip invalidates an ad-hoc signature: the library re-signs ad hoc; sign properly afterwards.
  await flipFuses(binary, { ...DOORMAN_FUSES, resetAdHocDarwinSignature: process.platform === 'darwin' });
} catch (error) {
  fail(
    `the fuses were not changed: ${error instanceof Error ? error.message : String(error)}. ` +
      'If this Electron has a fuse scripts/fuses.ts does not decide, decide it there first.',
  );
}

const wire = await getCurrentFuseWire(binary);
const wrong: string[] = [];
for (const [name, index, state] of expectedFuseStates()) {
  const now = wire[index];
  const shown = now === FuseState.ENABLE ? 'on' : now === FuseState.DISABLE ? 'off' : now === FuseState.REMOVED ? 'removed' : 'missing';
  console.log(`${name.padEnd(40)} ${shown}`);
  if (shown !== state && shown !== 'removed') wrong.push(`${name} is ${shown}, should be ${state}`);
}
if (wrong.length > 0) fail(wrong.join('; '));
console.log(`flip-fuses: ${binary}: every fuse as scripts/fuses.ts says.`);
