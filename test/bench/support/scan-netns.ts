// Network namespaces for the scan benchmarks: whether they can be made here, making and removing
// them (always removed again, also when a benchmark fails or is interrupted), and processes started
// inside one that say they are ready with one JSON line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Runs `ip …` and throws with its stderr when it fails. */
export function ip(args: readonly string[]): string {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.error) throw new Error(`ip ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout;
}

/** Runs a command inside a namespace (`ip netns exec`) and throws with its stderr when it fails. */
export function inNetns(ns: string, command: readonly string[]): string {
  return ip(['netns', 'exec', ns, ...command]);
}

const made = new Set<string>();
const children = new Set<ChildProcess>();

/** The backstop for a benchmark that dies half-way: its processes and namespaces go with it. */
function cleanUpEverything(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
  for (const ns of made) {
    killInside(ns);
    spawnSync('ip', ['netns', 'del', ns]);
  }
  made.clear();
}
process.once('exit', cleanUpEverything);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUpEverything();
    process.exit(130);
  });
}

/** Why namespaces cannot be used here, or null when they can (root, `ip`, a trial namespace). */
export function netnsProblem(): string | null {
  if (process.platform !== 'linux') return `network namespaces are Linux only (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  const name = `dmscan-try-${process.pid}`;
  try {
    ip(['netns', 'add', name]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  spawnSync('ip', ['netns', 'del', name]);
  return null;
}

/** Makes a namespace with its loopback up; removed by {@link deleteNetns} or at exit. */
export function addNetns(name: string): string {
  ip(['netns', 'add', name]);
  made.add(name);
  inNetns(name, ['ip', 'link', 'set', 'lo', 'up']);
  return name;
}

/** Ends what still runs inside (only this bench starts processes in its namespaces), then removes it. */
export function deleteNetns(name: string): void {
  killInside(name);
  spawnSync('ip', ['netns', 'del', name]);
  made.delete(name);
}

function killInside(name: string): void {
  const pids = spawnSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).stdout ?? '';
  for (const pid of pids.split(/\s+/).filter(Boolean).map(Number)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface LineProcess<T> {
  readonly info: T;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `command` (e.g. `[node, entry, …args]`), inside `ns` when given (`ip netns exec` execs the
 * command itself, so the pid is the command's), and waits for the JSON line it prints when ready.
 * `stop` ends it with SIGTERM (SIGKILL after 3 s).
 */
export function startLineProcess<T>(ns: string | null, command: readonly string[]): Promise<LineProcess<T>> {
  const [file, ...args] = ns ? ['ip', 'netns', 'exec', ns, ...command] : command;
  const what = command.slice(1).join(' ');
  // runs: ip, node, python3
  const child = spawn(file ?? '', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      children.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const onExit = (code: number | null) => reject(new Error(`${what} exited (${code}) before it was ready: ${stderr.trim()}`));
    child.once('exit', onExit);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      try {
        resolve({ info: JSON.parse(line) as T, pid: child.pid ?? 0, stop });
      } catch {
        void stop();
        reject(new Error(`${what}: not a JSON line: ${line}`));
      }
    });
  });
}

export interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to exit. */
  readonly wallMs: number;
  /** Set when the command could not be started at all (e.g. ENOENT). */
  readonly spawnError: NodeJS.ErrnoException | null;
}

/** Runs a command to its end (inside `ns` when given), without blocking the event loop. */
export function runToEnd(ns: string | null, command: readonly string[]): Promise<Finished> {
  const [file, ...args] = ns ? ['ip', 'netns', 'exec', ns, ...command] : command;
  return new Promise((resolve) => {
    const started = performance.now();
    // runs: ip, node, nmap
    const child = spawn(file ?? '', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      children.delete(child);
      resolve({ status: null, stdout, stderr, wallMs: performance.now() - started, spawnError: error });
    });
    child.once('close', (status) => {
      children.delete(child);
      resolve({ status, stdout, stderr, wallMs: performance.now() - started, spawnError: null });
    });
  });
}
