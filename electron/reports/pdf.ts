import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../shared/contract/errors.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env['CHROMIUM_PATH'];
  if (given && existsSync(given)) return given;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Prints an HTML document to PDF with a headless Chromium (the CLI's way; the desktop app uses
 * Electron's printToPDF, a browser its print dialog). Nothing is fetched: the document is
 * self-contained and Chromium runs with its background networking off.
 */
export async function printHtmlToPdf(html: string, outFile: string): Promise<{ bytes: number }> {
  const chromium = findChromium();
  if (!chromium) {
    throw new ApiError('internal', 'No Chromium or Chrome was found to print the PDF. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH; or open the report in Doorman and print it.', {
      reason: 'chromium_missing',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'doorman-report-'));
  const target = resolve(outFile);
  try {
    const page = join(dir, 'report.html');
    writeFileSync(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${target}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to run as root with its sandbox on.
    if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
    await new Promise<void>((done, fail) => {
      // The browser findChromium found (CHROMIUM_PATH, Debian's chromium, Chrome or Edge).
      // runs: chromium
      const child = spawn(chromium, args, { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.once('error', fail);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
    });
    if (!existsSync(target)) throw new ApiError('internal', `Chromium did not write ${target}.`, { reason: 'pdf_not_written' });
    return { bytes: statSync(target).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
