import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../electron/cli/main.ts', import.meta.url));
const peakRssPreload = new URL('./peak-rss.ts', import.meta.url).href;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a user would (`node electron/cli/main.ts …`), in a clean English environment. */
export function runCliProcess(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCliProcess`, and the CLI process's own peak resident set size in MB (see peak-rss.ts; NaN if it died). */
export function runCliProcessMeasured(args: readonly string[], env: Record<string, string> = {}): CliRun & { readonly peakRssMb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-peak-rss-'));
  try {
    const file = join(dir, 'peak-rss-mb');
    const result = spawnSync(process.execPath, ['--import', peakRssPreload, entry, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8', ...env, DOORMAN_TEST_PEAK_RSS_FILE: file },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, peakRssMb: existsSync(file) ? Number(readFileSync(file, 'utf8')) : Number.NaN };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
