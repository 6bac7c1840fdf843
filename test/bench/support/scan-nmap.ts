// nmap as the scan benchmarks' yardstick: runs it (inside a namespace when given) with its XML
// report on stdout, and reads back its own elapsed time (the "scanned in X seconds" figure), the
// wall time of the whole process, and what it saw on each port (with -sV: what it recognised).
import { spawnSync } from 'node:child_process';
import { runToEnd } from './scan-netns.ts';

export interface NmapPort {
  readonly port: number;
  readonly state: string;
  /** nmap's service name: its port table's guess, or with -sV what it recognised. */
  readonly service: string;
  /** True when -sV matched a signature to its replies (not the port table's name, nor "unrecognized despite returning data"). */
  readonly recognised: boolean;
  /** With -sV: product, version and extra info as nmap read them; '' when it named none. */
  readonly version: string;
}

export interface NmapRun {
  readonly command: string;
  /** nmap's own figure: its "scanned in X seconds" (two decimals; `elapsed` in the XML). */
  readonly elapsedMs: number;
  /** The process from spawn to exit. */
  readonly wallMs: number;
  readonly hostsUp: number;
  /** Per address, its ports (every port nmap listed: open, closed and filtered). */
  readonly hosts: Readonly<Record<string, readonly NmapPort[]>>;
}

export interface NmapFailure {
  readonly command: string;
  readonly error: string;
}

export function isNmapFailure(run: NmapRun | NmapFailure): run is NmapFailure {
  return 'error' in run;
}

/** nmap's version line, or null when it is not installed. */
export function nmapVersion(): string | null {
  const result = spawnSync('nmap', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return /Nmap version (\S+)/.exec(result.stdout)?.[1] ?? result.stdout.split('\n')[0] ?? null;
}

function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, key, value] of text.matchAll(/([\w-]+)="([^"]*)"/g)) found[key ?? ''] = (value ?? '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return found;
}

/** The parts of nmap's XML report (-oX) the benchmarks use. */
export function parseXml(text: string): Pick<NmapRun, 'elapsedMs' | 'hostsUp' | 'hosts'> | null {
  const finished = /<finished ([^>]*)\/>/.exec(text);
  const elapsed = finished ? attributes(finished[1] ?? '')['elapsed'] : undefined;
  if (elapsed === undefined) return null;
  const hostsUp = Number(attributes(/<hosts ([^>]*)\/>/.exec(text)?.[1] ?? '')['up'] ?? 0);
  const hosts: Record<string, NmapPort[]> = {};
  for (const [, body] of text.matchAll(/<host[ >]([\s\S]*?)<\/host>/g)) {
    const address = attributes(/<address ([^>]*)\/>/.exec(body ?? '')?.[1] ?? '')['addr'];
    if (!address) continue;
    const ports: NmapPort[] = [];
    for (const [, portAttrs, portBody] of (body ?? '').matchAll(/<port ([^>]*)>([\s\S]*?)<\/port>/g)) {
      const state = attributes(/<state ([^>]*)\/>/.exec(portBody ?? '')?.[1] ?? '')['state'] ?? '';
      const service = attributes(/<service ([^>]*?)\/?>/.exec(portBody ?? '')?.[1] ?? '');
      ports.push({
        port: Number(attributes(portAttrs ?? '')['portid']),
        state,
        service: service['name'] ?? '',
        // nmap attaches the reply's fingerprint (servicefp) when it matched no service signature.
        recognised: service['method'] === 'probed' && service['servicefp'] === undefined,
        version: [service['product'], service['version'], service['extrainfo']].filter(Boolean).join(' '),
      });
    }
    hosts[address] = ports;
  }
  return { elapsedMs: Math.round(Number(elapsed) * 1000), hostsUp, hosts };
}

/** `nmap …args -oX -`, inside `ns` when given. A missing nmap or a failed run is a failure, not a throw. */
export async function runNmap(ns: string | null, args: readonly string[]): Promise<NmapRun | NmapFailure> {
  const command = `nmap ${args.join(' ')}`;
  if (nmapVersion() === null) return { command, error: 'nmap is not installed (Debian: apt-get install nmap; `bash scripts/dev.sh bench` does it as root)' };
  const result = await runToEnd(ns, ['nmap', ...args, '-oX', '-']);
  if (result.spawnError) return { command, error: `nmap could not start: ${result.spawnError.message}` };
  // nmap exits 0 when it could not read its targets, and says so on stderr.
  const targetProblem = /Failed to resolve|No targets were specified/.exec(result.stderr);
  const parsed = result.status === 0 && !targetProblem ? parseXml(result.stdout) : null;
  if (!parsed) return { command, error: `nmap failed (exit ${result.status}): ${result.stderr.trim().slice(0, 300) || result.stdout.trim().slice(-300)}` };
  return { command, wallMs: Math.round(result.wallMs * 10) / 10, ...parsed };
}
