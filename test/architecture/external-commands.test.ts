import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devShNeeds, purposeOf, spawnSitesOf, unprovided } from './external-commands.ts';
import { sourceFiles } from './layers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const devSh = readFileSync(join(root, 'scripts', 'dev.sh'), 'utf8');

function scanProject() {
  const files = ['electron', 'scripts', 'shared', 'renderer', 'test'].flatMap((dir) => sourceFiles(root, dir));
  const found = files.map((file) => spawnSitesOf(file, readFileSync(join(root, file), 'utf8')));
  return { sites: found.flatMap((f) => f.sites), problems: found.flatMap((f) => f.problems) };
}

describe('external commands', () => {
  const { sites, problems } = scanProject();

  it('every command the code and the tests start can be told from the source', () => {
    expect(problems).toEqual([]);
  });

  it('every one is provided by the set-up: Node itself, an npm package, or scripts/dev.sh for the script that runs it', () => {
    expect(unprovided(sites, devShNeeds(devSh), root)).toEqual([]);
  });

  it('lists them, and none the set-up cannot give (no ffmpeg, no apt-get in a test)', () => {
    const commands = new Set(sites.flatMap((s) => s.commands));
    for (const expected of ['node', 'chromium', 'pdftotext', 'fc-list', 'openssl', 'ip', 'nmap', 'tc', 'python3', 'tsc', 'vitest']) expect(commands, expected).toContain(expected);
    for (const gone of ['ffmpeg', 'apt-get', 'dpkg', 'find']) expect(commands, gone).not.toContain(gone);
  });
});

describe('the external-command reader', () => {
  const read = (source: string, file = 'test/x.ts') => spawnSitesOf(file, source);
  const commands = (source: string) => read(source).sites.flatMap((s) => s.commands);

  it('reads literal commands of every child_process function, however imported', () => {
    expect(commands(`import { spawnSync, execFileSync as run } from 'node:child_process'; spawnSync('ffmpeg', ['-i']); run('pdftotext', []);`)).toEqual(['ffmpeg', 'pdftotext']);
    expect(commands(`import * as cp from 'child_process'; cp.execSync('convert a.png b.jpg'); cp.fork('./worker.js');`)).toEqual(['convert', 'node']);
    expect(commands(`import cp from 'node:child_process'; cp.spawn(process.execPath, ['x.ts']);`)).toEqual(['node']);
    expect(commands(`import { execFile } from 'node:child_process'; import { promisify } from 'node:util'; const run = promisify(execFile); await run('openssl', ['req']);`)).toEqual(['openssl']);
    expect(commands(`import { spawnSync } from 'node:child_process'; spawnSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc']);`)).toEqual(['ip', 'tc']);
    expect(commands(`import { chromium } from 'playwright-core'; await chromium.launch({});`)).toEqual(['chromium']);
    expect(commands(`const spawn = (x: string) => x; spawn('not a process');`)).toEqual([]);
  });

  it('wants a `// runs:` comment where the command is not a literal', () => {
    expect(read(`import { spawn } from 'node:child_process'; const c = find(); spawn(c, []);`).problems).toHaveLength(1);
    const declared = read(`import { spawn } from 'node:child_process';
      function go(c: string) {
        // runs: chromium, google-chrome
        const child = spawn(c, []);
      }`);
    expect(declared.problems).toEqual([]);
    expect(declared.sites.flatMap((s) => s.commands)).toEqual(['chromium', 'google-chrome']);
  });

  it('fails a command that scripts/dev.sh does not provide for the script that runs it', () => {
    const needs = devShNeeds(`needs_start="fc-list=fontconfig font:zh=fonts-noto-cjk"\nneeds_report="$needs_start chromium=chromium"\nneeds_test="$needs_report pdftotext=poppler-utils"\nneeds_bench="$needs_test nmap=nmap"`);
    expect([...(needs.get('test') ?? [])]).toEqual(['fc-list', 'font:zh', 'chromium', 'pdftotext']);
    const site = (file: string, command: string) => ({ file, line: 1, commands: [command] });
    expect(unprovided([site('test/e2e/a.test.ts', 'pdftotext'), site('test/bench/b.ts', 'nmap'), site('electron/reports/pdf.ts', 'chromium'), site('scripts/test.ts', 'tsc')], needs, root)).toEqual([]);
    expect(unprovided([site('test/e2e/enroll/fake-camera.ts', 'ffmpeg')], needs, root).map((p) => p.problem)).toEqual([expect.stringContaining('ffmpeg is started here')]);
    expect(unprovided([site('electron/reports/pdf.ts', 'nmap')], needs, root)).toHaveLength(1);
    expect(purposeOf('test/bench/support/scan-nmap.ts')).toBe('bench');
  });
});
