import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';

const SIMULATORS: Readonly<Record<string, string>> = {
  zkbio: '../../../test/simulators/zkbio/main.ts',
  hongtu: '../../../test/simulators/hongtu/main.ts',
  k30: '../../../test/simulators/k30/main.ts',
  zhejiang: '../../../test/simulators/zhejiang/main.ts',
};

/**
 * `sim <vendor> [--host 127.0.0.2] [--port N] [--token T | --app-key K --secret S | --company C]`
 * (K30 also `[--callback-url U] [--callback-form F] [--company-mismatch M]`; Zhejiang
 * `[--tcp-port N] [--https-port N] [--http on] [--device SN,…] [--admin-token T]`, HTTPS by default):
 * runs a vendor simulator in the foreground (each takes its own credential options). The
 * simulators are test code, so they run as their own process, not inside the core.
 */
export const sim: Command = async (ctx, args) => {
  const vendor = args[0] ?? '';
  const relative = SIMULATORS[vendor];
  if (!relative) throw new UsageError('cli.missingArgument', { name: `<vendor> (${Object.keys(SIMULATORS).join(', ')})` });
  const entry = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(entry)) throw new UsageError('cli.noSimulator', { vendor });
  const host = typeof ctx.options['host'] === 'string' ? ctx.options['host'] : '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) && host !== 'localhost') {
    // Simulators are for this machine only: never offer a fake backend to the site's LAN.
    throw new UsageError('cli.loopbackOnly', { host });
  }
  const forward = ['--host', host];
  // K30's callback target and faults go through as typed; the simulator checks them (test/simulators/k30/cli.ts).
  for (const name of ['port', 'token', 'app-key', 'secret', 'company', 'callback-url', 'callback-form', 'company-mismatch', 'tcp-port', 'https-port', 'device', 'admin-token']) {
    const value = ctx.options[name];
    if (typeof value === 'string') forward.push(`--${name}`, value);
  }
  if (ctx.options['tls'] === 'on') forward.push('--tls');
  if (ctx.options['http'] === 'on') forward.push('--http');
  const child = spawn(process.execPath, [entry, ...forward], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 0)));
  return { json: null, text: '', exitCode: code, silent: true };
};
