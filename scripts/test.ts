// `npm test`: typecheck, lint, build, then every vitest project (unit, integration, e2e). Each of
// the first three counts as one check; vitest's tests count one each. Ends with one plain line,
// `N passed, N failed`, summing them all (CI reads that line, not the runners' own summaries).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
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

/** One vitest run of some projects; its JSON report is summed below. `log`: its output goes there, not to the terminal. */
function vitest(projects: readonly string[], log?: string): Promise<{ status: number | null; report: string }> {
  const report = join(reportDir, `${projects.join('-')}.json`);
  const args = ['run', ...projects.flatMap((project) => ['--project', project]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const out = log === undefined ? 'inherit' : openSync(log, 'w');
  // runs: vitest
  const child = spawn(bin('vitest'), args, { stdio: ['ignore', out, out] });
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, report })));
}

function count(run: { status: number | null; report: string }): void {
  const before = failed;
  if (existsSync(run.report)) {
    const summary = JSON.parse(readFileSync(run.report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    // A suite that failed to load has no failed tests of its own: count it.
    if (!summary.success && summary.numFailedTests === 0) failed++;
  } else {
    failed++;
  }
  if (run.status !== 0 && failed === before) failed++;
}

// The e2e files run one at a time (each drives Chromium against its own web server), mostly waiting
// on the browser and the simulators; the unit and integration files run beside them in a second
// vitest, so the suite takes about as long as its longer half instead of both. That half's output
// is printed when both are over. DOORMAN_TEST_SERIAL=1 runs them one after the other (a machine too
// small for both at once).
const started = Date.now();
if (process.env['DOORMAN_TEST_SERIAL'] === '1') {
  process.stdout.write(`\n── vitest: unit, integration, e2e (one after the other)\n`);
  count(await vitest(['unit', 'integration']));
  count(await vitest(['e2e']));
} else {
  process.stdout.write(`\n── vitest: e2e, with unit and integration beside it (their output follows)\n`);
  const log = join(reportDir, 'unit-integration.log');
  const [beside, e2e] = await Promise.all([vitest(['unit', 'integration'], log), vitest(['e2e'])]);
  process.stdout.write(`\n── vitest: unit, integration\n${readFileSync(log, 'utf8')}`);
  count(beside);
  count(e2e);
}
process.stdout.write(`\n── vitest: ${Math.round((Date.now() - started) / 1000)} s\n`);
rmSync(reportDir, { recursive: true, force: true });

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
