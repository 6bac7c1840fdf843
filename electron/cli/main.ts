// `npm run -s cli -- <command>`: the core's jobs from a shell.
import { enableCliCompileCache } from './compile-cache.ts';

// Before the core loads (hence the dynamic import), so its modules come from the compile cache.
enableCliCompileCache();
const { runCli } = await import('./run.ts');

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  terminal: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  env: process.env,
});
