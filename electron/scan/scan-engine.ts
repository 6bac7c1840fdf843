import type { ScanFinding, ScanOptions, ScanSummary } from '../../shared/contract/scan.ts';
import { onvifService, hostVerdict } from './fingerprints.ts';
import { fingerprintHost } from './fingerprint-host.ts';
import { compareAddresses, parseIpv4 } from '../../shared/rules/ipv4.ts';
import { localSubnets } from './local-subnets.ts';
import { sweepPorts, type HostSweep } from './port-sweep.ts';
import { DEFAULT_PORTS } from './ports.ts';
import { parseTarget, resolveTargets, type TargetSet } from './targets.ts';
import { discoverOnvif, type OnvifMatch } from './ws-discovery.ts';

interface ScanProgress {
  readonly addressesDone: number;
  readonly addressesTotal: number;
  readonly hostsFound: number;
}

interface ScanListener {
  onProgress?(progress: ScanProgress): void;
  onFinding?(finding: ScanFinding): void;
}

/** Hosts fingerprinted at once; each host's ports go in parallel within it. */
const FINGERPRINT_HOSTS = 32;

type EngineOptions = Partial<ScanOptions> & Pick<ScanOptions, 'targets'>;

function targetsOf(options: EngineOptions): TargetSet {
  return resolveTargets({ targets: options.targets, exclude: options.exclude ?? [], allowLarge: options.allowLarge ?? false });
}

/**
 * The whole scan: resolve the targets (only those the user gave; a caller that has already
 * resolved them passes the set), sweep their ports with TCP connects, and fingerprint each host
 * with open ports as soon as its sweep ends, so findings stream while the sweep goes on. Nothing
 * but TCP connects, `GET /`, each recognised vendor's documented probe and RTSP OPTIONS is sent (and, when
 * asked, one ONVIF WS-Discovery probe); no credentials. `signal` stops it within a tick: the
 * summary says `cancelled` and holds what was found so far.
 */
export async function runScan(
  options: EngineOptions,
  listener: ScanListener,
  signal: AbortSignal,
  targets: TargetSet = targetsOf(options),
): Promise<{ summary: ScanSummary; findings: ScanFinding[] }> {
  const ports = options.ports && options.ports.length > 0 ? [...new Set(options.ports)].sort((a, b) => a - b) : DEFAULT_PORTS.map((p) => p.port);
  const timeoutMs = options.timeoutMs ?? 1000;
  const started = performance.now();
  const findings: ScanFinding[] = [];
  let done = 0;
  let answered = 0;
  const waiting: HostSweep[] = [];
  const running = new Set<Promise<void>>();
  // ONVIF discovery runs beside the sweep; a host's verdict waits for it (≤ ONVIF_WAIT_MS).
  const onvif = options.onvif === true ? startOnvif(targets, signal) : null;
  const announcement = (address: string) => onvif?.then((matches) => matches.get(address));
  const progress = () => listener.onProgress?.({ addressesDone: done, addressesTotal: targets.count, hostsFound: findings.length });

  const fingerprintNext = () => {
    while (running.size < FINGERPRINT_HOSTS && waiting.length > 0 && !signal.aborted) {
      const host = waiting.shift();
      if (!host) break;
      const replyTimeoutMs = Math.min(5000, Math.max(1500, (host.rttMs ?? 0) * 20));
      const job: Promise<void> = fingerprintHost(host, { replyTimeoutMs, signal }, announcement(host.address)).then((finding) => {
        running.delete(job);
        if (signal.aborted) return;
        findings.push(finding);
        listener.onFinding?.(finding);
        progress();
        fingerprintNext();
      });
      running.add(job);
    }
  };

  await sweepPorts(
    {
      addresses: targets.addresses,
      ports,
      timeoutMs,
      minTimeoutMs: Math.min(timeoutMs, 150),
      concurrency: options.concurrency ?? 512,
      ratePerSecond: options.ratePerSecond ?? 20_000,
      signal,
    },
    (host) => {
      done++;
      if (host.answered) answered++;
      if (host.open.length > 0) {
        waiting.push(host);
        fingerprintNext();
      }
      progress();
    },
  );
  const abortedWait = new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  while (running.size > 0 && !signal.aborted) await Promise.race([...running, abortedWait]);
  if (onvif && !signal.aborted) {
    // Devices that announced themselves but have none of the scanned ports open.
    const found = new Set(findings.map((f) => f.address));
    for (const match of (await Promise.race([onvif, abortedWait.then(() => new Map<string, OnvifMatch>())])).values()) {
      if (found.has(match.address) || signal.aborted) continue;
      const services = [onvifService(match)];
      const finding: ScanFinding = { address: match.address, rttMs: null, openPorts: [], ...hostVerdict(services), services };
      findings.push(finding);
      listener.onFinding?.(finding);
    }
  }

  findings.sort((a, b) => compareAddresses(a.address, b.address));
  const byKind: Record<string, number> = {};
  for (const finding of findings) byKind[finding.kind] = (byKind[finding.kind] ?? 0) + 1;
  return {
    findings,
    summary: {
      addressesTotal: targets.count,
      addressesDone: done,
      hostsAnswered: answered,
      hostsFound: findings.length,
      ports,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      cancelled: signal.aborted,
      byKind,
    },
  };
}

const ONVIF_WAIT_MS = 1000;

/**
 * One WS-Discovery probe out of each of this computer's interfaces whose subnet holds a target;
 * answers only from target addresses count.
 */
function startOnvif(targets: TargetSet, signal: AbortSignal): Promise<Map<string, OnvifMatch>> {
  const wanted = new Set(targets.addresses);
  const first = targets.addresses[0] ?? 0;
  const last = targets.addresses.at(-1) ?? 0;
  const interfaces = localSubnets()
    .filter((subnet) => !subnet.internal)
    .filter((subnet) => {
      const block = parseTarget(subnet.cidr, true);
      return block !== null && block.first <= last && first <= block.last;
    })
    .map((subnet) => subnet.address);
  if (interfaces.length === 0) return Promise.resolve(new Map());
  const accept = (address: string) => wanted.has(parseIpv4(address) ?? -1);
  return discoverOnvif(interfaces, accept, ONVIF_WAIT_MS, signal)
    .then((matches) => new Map(matches.map((m) => [m.address, m])))
    .catch(() => new Map());
}
