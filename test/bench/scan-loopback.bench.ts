import { fileURLToPath } from 'node:url';
import { DEFAULT_PORTS } from '../../electron/scan/ports.ts';
import { median, namedByScan, round, seenByNmap, startSimulator, type Backend, type RunnerLine, type Vendor } from './support/scan-backends.ts';
import { addNetns, deleteNetns, netnsProblem, runToEnd, type LineProcess } from './support/scan-netns.ts';
import { isNmapFailure, nmapVersion, runNmap, type NmapFailure, type NmapRun } from './support/scan-nmap.ts';
import type { BenchResult } from './stats.ts';

const TARGET = '127.0.0.0/24';
const PORTS = DEFAULT_PORTS.map((p) => p.port);
const RUNS = 7;
/** Goals (issue 7a). */
const WITHIN_SWEEP = 5;
const FASTER_THAN_SV = 10;

/** Six backends spread over the /24 on the ports their vendors ship with (K30: 80 when it can be bound). */
const PLAN: readonly { vendor: Vendor; address: string; ports: readonly number[] }[] = [
  { vendor: 'zkbio', address: '127.0.0.12', ports: [8098] },
  { vendor: 'zkbio', address: '127.0.0.57', ports: [8088] },
  { vendor: 'hongtu', address: '127.0.0.99', ports: [18082] },
  { vendor: 'hongtu', address: '127.0.0.140', ports: [18082] },
  { vendor: 'k30', address: '127.0.0.181', ports: [8080] },
  { vendor: 'k30', address: '127.0.0.233', ports: [80, 8080] },
];

async function startBackend(ns: string | null, plan: (typeof PLAN)[number]): Promise<{ backend: Backend; process: LineProcess<{ url: string }> }> {
  let failure: unknown;
  for (const port of plan.ports) {
    try {
      return { backend: { vendor: plan.vendor, address: plan.address, port }, process: await startSimulator(ns, plan.vendor, plan.address, port) };
    } catch (error) {
      failure = error; // e.g. port 80 needs root: the next port
    }
  }
  throw failure;
}

function nmapRow(name: string, runs: readonly (NmapRun | NmapFailure)[], extra: Record<string, unknown>): BenchResult & { ok: NmapRun[] } {
  const ok = runs.filter((r): r is NmapRun => !isNmapFailure(r));
  const failed = runs.find(isNmapFailure);
  if (ok.length === 0) return { name, command: failed?.command ?? '', error: failed?.error ?? 'nmap did not run', ...extra, ok };
  return {
    name,
    command: ok[0]?.command ?? '',
    runs: ok.length,
    elapsedMs: { median: median(ok.map((r) => r.elapsedMs)), min: Math.min(...ok.map((r) => r.elapsedMs)) },
    wallMs: { median: round(median(ok.map((r) => r.wallMs))), min: round(Math.min(...ok.map((r) => r.wallMs))) },
    hostsUp: ok[0]?.hostsUp ?? 0,
    ...extra,
    ok,
  };
}

/**
 * Issue 7(a): the scan engine on 127.0.0.0/24 × the default port set with six simulated backends
 * (2 ZKBio, 2 Hongtu, 2 K30, each its own process) spread over it, against Debian's nmap on the
 * same targets in the same run: the bare connect sweep (`-sT -Pn -T4`) on the /24 and version
 * detection (`-sV`) on the six backend hosts only. Engine time is the summary's `durationMs`,
 * measured in a runner process (Node's start excluded), median of 7 after a warm-up. As root the
 * whole bench runs in a namespace of its own, so nothing else on this machine's loopback (other
 * simulators, services) is in the scan. Goals: engine ≤ 5× nmap's sweep, nmap -sV ≥ 10× the
 * engine, every backend named.
 */
export default async function run(): Promise<BenchResult[]> {
  const problem = netnsProblem();
  const ns = problem === null ? addNetns(`dmscan-lo-${process.pid}`) : null;
  const started: LineProcess<{ url: string }>[] = [];
  try {
    const backends: Backend[] = [];
    const launched = await Promise.allSettled(PLAN.map((plan) => startBackend(ns, plan)));
    for (const outcome of launched) {
      if (outcome.status === 'fulfilled') {
        started.push(outcome.value.process);
        backends.push(outcome.value.backend);
      }
    }
    const launchFailure = launched.find((o) => o.status === 'rejected');
    if (launchFailure) throw new Error(`a simulator did not start: ${String(launchFailure.reason instanceof Error ? launchFailure.reason.message : launchFailure.reason)}`);
    const ports = PORTS.join(',');
    const setting = {
      isolated: ns !== null,
      ...(ns === null ? { notIsolatedBecause: problem, note: 'shared loopback: anything else listening on 127.0.0.0/24 is in both scans' } : {}),
      target: TARGET,
      ports: PORTS,
      backends,
    };

    // The engine: a warm-up, then RUNS scans, in one runner process.
    const runner = fileURLToPath(new URL('./support/scan-runner.ts', import.meta.url));
    const scan = await runToEnd(ns, [process.execPath, runner, '--targets', TARGET, '--ports', ports, '--warmup', '1', '--runs', String(RUNS)]);
    if (scan.status !== 0) throw new Error(`scan runner failed: ${scan.stderr.trim()}`);
    const lines = scan.stdout.trim().split('\n').map((l) => JSON.parse(l) as RunnerLine).filter((l) => !l.warmup);
    const durations = lines.map((l) => l.summary.durationMs);
    const oursMs = median(durations);
    const named = lines.map((l) => namedByScan(backends, l.findings));
    const everyRunNamedAll = named.every((run) => run.every((b) => b.ok));
    const last = lines.at(-1);
    const ours: BenchResult = {
      name: 'scan.loopback.engine',
      ...setting,
      runs: lines.length,
      durationMs: { median: round(oursMs), min: round(Math.min(...durations)), max: round(Math.max(...durations)), samples: durations },
      sweptMs: { median: round(median(lines.map((l) => l.sweptMs ?? Number.NaN))), note: 'when the last address was swept; the rest is fingerprinting' },
      addresses: last?.summary.addressesTotal,
      hostsAnswered: last?.summary.hostsAnswered,
      hostsFound: last?.summary.hostsFound,
      byKind: last?.summary.byKind,
      named: named.at(-1),
      everyBackendNamed: everyRunNamedAll,
      otherHostsFound: (last?.findings ?? []).filter((f) => !backends.some((b) => b.address === f.address)).map((f) => `${f.address} ${f.kind} [${f.openPorts.join(',')}]`),
    };

    // nmap: the bare sweep RUNS times; version detection once (it takes seconds), six hosts only.
    const sweepRuns: (NmapRun | NmapFailure)[] = [];
    for (let i = 0; i < RUNS; i++) sweepRuns.push(await runNmap(ns, ['-sT', '-Pn', '-T4', '-n', '-p', ports, TARGET]));
    const sweep = nmapRow('scan.loopback.nmap-sweep', sweepRuns, { nmap: nmapVersion(), target: TARGET });
    const sweepSeen = sweep.ok[0] ? seenByNmap(backends, sweep.ok[0]) : null;
    const versionRun = await runNmap(ns, ['-sT', '-sV', '-Pn', '-T4', '-n', '-p', ports, ...backends.map((b) => b.address)]);
    const called = isNmapFailure(versionRun) ? null : seenByNmap(backends, versionRun);
    const version = nmapRow('scan.loopback.nmap-sV', [versionRun], {
      nmap: nmapVersion(),
      target: 'the six backend hosts only',
      note: '-sV on the whole /24 would version-probe every open port of every address the same way; on six hosts it already takes seconds, so it runs on those alone — the engine scans the whole /24',
      nmapCalledThem: called,
      nmapRecognised: called ? `${called.filter((c) => c.recognised).length} of ${called.length} backend ports matched a signature; the rest "unrecognized despite returning data" (service: nmap's guess, no product)` : null,
    });

    const sweepMs = sweep.ok.length > 0 ? median(sweep.ok.map((r) => r.elapsedMs)) : null;
    const sweepWallMs = sweep.ok.length > 0 ? median(sweep.ok.map((r) => r.wallMs)) : null;
    const versionMs = version.ok[0]?.elapsedMs ?? null;
    const vsSweep = sweepMs ? oursMs / sweepMs : null;
    const vsVersion = versionMs ? versionMs / oursMs : null;
    const goals: BenchResult = {
      name: 'scan.loopback.goals',
      oursMedianMs: round(oursMs),
      nmapSweepMs: sweepMs,
      nmapSweepWallMs: sweepWallMs === null ? null : round(sweepWallMs),
      nmapVersionMs: versionMs,
      oursOverNmapSweep: vsSweep === null ? null : round(vsSweep, 2),
      oursOverNmapSweepWall: sweepWallMs ? round(oursMs / sweepWallMs, 2) : null,
      nmapVersionOverOurs: vsVersion === null ? null : round(vsVersion, 1),
      goal: { oursOverNmapSweepAtMost: WITHIN_SWEEP, nmapVersionOverOursAtLeast: FASTER_THAN_SV, everyBackendNamed: true },
      met: {
        withinSweep: vsSweep === null ? null : vsSweep <= WITHIN_SWEEP,
        fasterThanVersion: vsVersion === null ? null : vsVersion >= FASTER_THAN_SV,
        everyBackendNamed: everyRunNamedAll,
      },
      nmapSweepSawEveryBackendOpen: sweepSeen ? sweepSeen.every((s) => s.state === 'open') : null,
    };
    const { ok: _sweepRuns, ...sweepRow } = sweep;
    const { ok: _versionRuns, ...versionRow } = version;
    return [ours, sweepRow, versionRow, goals];
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    if (ns) deleteNetns(ns);
  }
}
