import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORTS } from '../../electron/scan/ports.ts';
import { median, namedByScan, round, seenByNmap, type RunnerLine } from './support/scan-backends.ts';
import { buildLan, type LanHost } from './support/scan-lan.ts';
import { ip, netnsProblem, runToEnd } from './support/scan-netns.ts';
import { isNmapFailure, nmapVersion, runNmap, type NmapFailure, type NmapRun } from './support/scan-nmap.ts';
import type { BenchResult } from './stats.ts';

const PREFIX = '10.77.0';
const TARGET = `${PREFIX}.0/24`;
const SCANNER = 254;
const PORTS = DEFAULT_PORTS.map((p) => p.port);
const ROUNDS = 3;

/** ~20 hosts of a site LAN; every other address of the /24 is silent (nobody answers ARP). */
const HOSTS: readonly LanHost[] = [
  { n: 5, delayMs: 1, simulators: [['zkbio', 8098]], what: 'ZKBio CVSecurity' },
  { n: 18, delayMs: 4, simulators: [['zkbio', 8088]], drop: [443], what: 'ZKBio CVSecurity, 443 filtered' },
  { n: 33, delayMs: 2, simulators: [['hongtu', 18082]], what: 'Hongtu 2000' },
  { n: 47, delayMs: 5, simulators: [['hongtu', 18082]], drop: [8443], what: 'Hongtu 2000, 8443 filtered' },
  { n: 62, delayMs: 3, simulators: [['k30', 8080]], what: 'K30' },
  { n: 80, delayMs: 2, simulators: [['k30', 80]], what: 'K30 on port 80' },
  { n: 97, delayMs: 1, listen: [4370], what: 'controller: 4370 accepts, says nothing' },
  { n: 111, delayMs: 3, listen: [8000, 554], what: 'camera: SDK port and an RTSP port that never answers' },
  { n: 124, delayMs: 5, listen: [80], what: 'web port that accepts and never answers' },
  { n: 138, delayMs: 2, listen: [8000], drop: [80, 443], what: 'panel: SDK port open, 80 and 443 filtered' },
  { n: 150, delayMs: 4, drop: 'all-tcp', what: 'firewalled PC: answers ARP, drops all TCP' },
  { n: 163, delayMs: 1, what: 'PC: every port closed' },
  { n: 171, delayMs: 3, what: 'PC: every port closed' },
  { n: 185, delayMs: 2, drop: [554], what: '554 filtered, rest closed' },
  { n: 192, delayMs: 5, what: 'PC: every port closed' },
  { n: 204, delayMs: 4, listen: [4370], what: 'controller: 4370 accepts, says nothing' },
  { n: 217, delayMs: 1, drop: [8080], what: '8080 filtered, rest closed' },
  { n: 229, delayMs: 3, what: 'phone: every port closed' },
  { n: 238, delayMs: 2, drop: 'all-tcp', what: 'firewalled PC: answers ARP, drops all TCP' },
  { n: 246, delayMs: 4, what: 'printer: every port closed' },
];

function tcProblem(): string | null {
  const result = spawnSync('tc', ['-V'], { encoding: 'utf8' });
  return result.error || result.status !== 0 ? 'tc (iproute2) is not available' : null;
}

/** Open ports per address as the engine and nmap each saw them; the addresses where they differ. */
function openPortsDiffer(ours: RunnerLine, nmap: NmapRun): string[] {
  const mine = new Map(ours.findings.map((f) => [f.address, [...f.openPorts].sort((a, b) => a - b).join(',')]));
  const theirs = new Map<string, string>();
  for (const [address, ports] of Object.entries(nmap.hosts)) {
    const open = ports.filter((p) => p.state === 'open').map((p) => p.port);
    if (open.length > 0) theirs.set(address, open.sort((a, b) => a - b).join(','));
  }
  const all = new Set([...mine.keys(), ...theirs.keys()]);
  return [...all].filter((a) => mine.get(a) !== theirs.get(a)).map((a) => `${a}: ours [${mine.get(a) ?? ''}] nmap [${theirs.get(a) ?? ''}]`);
}

/**
 * Issue 7(b): a site LAN in network namespaces made here — a bridge, 20 hosts (6 simulated
 * backends: 2 ZKBio, 2 Hongtu, 2 K30; silent listeners; closed and firewalled machines) with netem
 * delays of 1–5 ms each way, ports that drop packets (filtered) and 233 addresses with no host —
 * scanned from a scanner namespace on the same bridge by the engine (a runner process: the
 * summary's `durationMs`, and the process's wall time) and by `nmap -sT -Pn -T4` (its own elapsed
 * time and wall time), alternating, each from a cold ARP cache, 3 rounds. Goal: the engine's time
 * ≤ nmap's, with every backend named. Needs root and namespaces; skipped (a row says why) otherwise.
 */
export default async function run(): Promise<BenchResult[]> {
  const problem = netnsProblem() ?? tcProblem();
  if (problem) return [{ name: 'scan.lan', skipped: true, reason: problem }];
  const lan = await buildLan(`dmlan${process.pid}`, PREFIX, HOSTS, SCANNER);
  try {
    const ports = PORTS.join(',');
    const runner = fileURLToPath(new URL('./support/scan-runner.ts', import.meta.url));
    const coldArp = () => ip(['-n', lan.scanner, 'neigh', 'flush', 'all']);
    const ours: { line: RunnerLine; wallMs: number }[] = [];
    const theirs: (NmapRun | NmapFailure)[] = [];
    const runOurs = async () => {
      coldArp();
      const result = await runToEnd(lan.scanner, [process.execPath, runner, '--targets', TARGET, '--ports', ports]);
      if (result.status !== 0) throw new Error(`scan runner failed: ${result.stderr.trim()}`);
      ours.push({ line: JSON.parse(result.stdout.trim()) as RunnerLine, wallMs: result.wallMs });
    };
    const runTheirs = async () => {
      coldArp();
      theirs.push(await runNmap(lan.scanner, ['-sT', '-Pn', '-T4', '-n', '-p', ports, TARGET]));
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        await runOurs();
        await runTheirs();
      } else {
        await runTheirs();
        await runOurs();
      }
    }

    const durations = ours.map((o) => o.line.summary.durationMs);
    const walls = ours.map((o) => round(o.wallMs));
    const named = ours.map((o) => namedByScan(lan.backends, o.line.findings));
    const everyBackendNamed = named.every((run) => run.every((b) => b.ok));
    const last = ours.at(-1)?.line;
    const silent = 254 - HOSTS.length - 1;
    const setup: BenchResult = {
      name: 'scan.lan.setup',
      target: TARGET,
      ports: PORTS,
      scanner: lan.scannerAddress,
      hosts: HOSTS.map((h) => ({ address: `${PREFIX}.${h.n}`, rttMs: 2 * h.delayMs, what: h.what })),
      silentAddresses: silent,
      filteredPorts: HOSTS.reduce((sum, h) => sum + (h.drop === 'all-tcp' ? PORTS.length : (h.drop?.filter((p) => PORTS.includes(p)).length ?? 0)), 0),
      delay: lan.delay,
      note: `${lan.delay === 'none' ? 'no delay (neither netem nor python3 here)' : `one-way delay on both ends of each host link by ${lan.delay === 'netem' ? 'netem' : 'a userspace switch (this kernel has no sch_netem)'}: round trips 2–10 ms`}; filtered = SYNs dropped (tc u32 → mirred to a down veth); simulators listen on their namespace's loopback, relayed from the host address; the scanner's ARP cache is flushed before every scan`,
    };
    const engine: BenchResult = {
      name: 'scan.lan.engine',
      runs: ours.length,
      durationMs: { median: round(median(durations)), min: round(Math.min(...durations)), samples: durations },
      processWallMs: { median: round(median(walls)), min: round(Math.min(...walls)), samples: walls },
      sweptMs: { samples: ours.map((o) => o.line.sweptMs), note: 'when the last address was swept; the rest is fingerprinting' },
      hostsAnswered: last?.summary.hostsAnswered,
      hostsFound: last?.summary.hostsFound,
      byKind: last?.summary.byKind,
      named: named.at(-1),
      everyBackendNamed,
      findings: (last?.findings ?? []).map((f) => `${f.address} ${f.kind} ${f.confidence} [${f.openPorts.join(',')}]`),
    };
    const ok = theirs.filter((r): r is NmapRun => !isNmapFailure(r));
    const failure = theirs.find(isNmapFailure);
    const elapsed = ok.map((r) => r.elapsedMs);
    const nmapWalls = ok.map((r) => round(r.wallMs));
    const lastNmap = ok.at(-1);
    const nmap: BenchResult =
      ok.length === 0
        ? { name: 'scan.lan.nmap', command: failure?.command ?? '', error: failure?.error ?? 'nmap did not run' }
        : {
            name: 'scan.lan.nmap',
            nmap: nmapVersion(),
            command: ok[0]?.command ?? '',
            runs: ok.length,
            elapsedMs: { median: median(elapsed), min: Math.min(...elapsed), samples: elapsed },
            wallMs: { median: round(median(nmapWalls)), min: round(Math.min(...nmapWalls)), samples: nmapWalls },
            hostsUp: lastNmap?.hostsUp,
            sawBackendsOpen: lastNmap ? seenByNmap(lan.backends, lastNmap).every((s) => s.state === 'open') : null,
            openPortsDifferFromOurs: lastNmap && last ? openPortsDiffer(last, lastNmap) : null,
          };
    const oursMs = median(durations);
    const nmapMs = ok.length > 0 ? median(elapsed) : null;
    const goals: BenchResult = {
      name: 'scan.lan.goals',
      oursMedianMs: round(oursMs),
      oursProcessWallMedianMs: round(median(walls)),
      nmapMedianMs: nmapMs,
      nmapWallMedianMs: ok.length > 0 ? round(median(nmapWalls)) : null,
      oursOverNmap: nmapMs ? round(oursMs / nmapMs, 2) : null,
      oursWallOverNmapWall: ok.length > 0 ? round(median(walls) / median(nmapWalls), 2) : null,
      goal: { oursOverNmapAtMost: 1, everyBackendNamed: true },
      met: { atMostNmap: nmapMs === null ? null : oursMs <= nmapMs, everyBackendNamed },
    };
    return [setup, engine, nmap, goals];
  } finally {
    await lan.close();
  }
}
