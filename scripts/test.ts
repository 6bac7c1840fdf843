// `npm test`: typecheck, lint, build, then every vitest project (unit, integration, e2e). Each of
// the first three counts as one check; vitest's tests count one each. Ends with one plain line,
// `N passed, N failed`, summing them all (CI reads that line, not the runners' own summaries).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n── ${name}: ${command} ${args.join(' ')}\n`);
  // runs: tsc, eslint, electron-vite
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = result.status === 0;
  if (ok) passed++;
  else failed++;
  process.stdout.write(`── ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`}\n`);
  return ok;
}

const bin = (name: string) => join('node_modules', '.bin', name);

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) ;
step('typecheck renderer', bin('tsc'), ['--noEmit', '-p', 'renderer/tsconfig.json']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
step('build', bin('electron-vite'), ['build']);

const reportDir = mkdtempSync(join(tmpdir(), 'doorman-vitest-'));
const report = join(reportDir, 'report.json');
process.stdout.write(`\n── vitest: unit, integration, e2e\n`);
// runs: vitest
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit' });
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  // A suite that failed to load has no failed tests of its own: count it.
  if (!summary.success && summary.numFailedTests === 0) failed++;
} else {
  failed++;
}
rmSync(reportDir, { recursive: true, force: true });
if (vitest.status !== 0 && failed === 0) failed++;

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
