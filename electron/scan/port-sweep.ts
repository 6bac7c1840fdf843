import { Socket } from 'node:net';
import { formatIpv4 } from '../../shared/rules/ipv4.ts';

type PortState = 'open' | 'closed' | 'filtered' | 'unreachable';

/** What the TCP connects found on one address. */
export interface HostSweep {
  readonly address: string;
  readonly open: number[];
  readonly closed: number;
  readonly filtered: number;
  /** True when anything answered (an open port or a refusal): a host is there. */
  readonly answered: boolean;
  /** The fastest answer's connect time, ms; null when nothing answered. */
  readonly rttMs: number | null;
}

interface SweepOptions {
  readonly addresses: readonly number[];
  readonly ports: readonly number[];
  /** The longest wait for an address that has not answered at all (ms). */
  readonly timeoutMs: number;
  /** The shortest wait for any connect (ms): the adaptive timeouts never go below it. */
  readonly minTimeoutMs: number;
  /** Connects in flight at most. */
  readonly concurrency: number;
  /** New connects per second at most. */
  readonly ratePerSecond: number;
  readonly signal: AbortSignal;
}

interface Probe {
  readonly host: HostState;
  readonly port: number;
  started: number;
  readonly socket: Socket;
  settled: boolean;
}

interface HostState {
  readonly index: number;
  readonly address: string;
  readonly open: number[];
  closed: number;
  filtered: number;
  pending: number;
  /** Next port index to launch. */
  next: number;
  rttMs: number | null;
  unreachable: boolean;
}

const TICK_MS = 10;

/**
 * TCP connect sweep over addresses × ports, with the waits adapting to what the network shows:
 * - an address that answered (an open port or a refusal) is a host with a known round trip, so its
 *   other ports wait only a few round trips (a port that drops packets is "filtered");
 * - an address that has not answered waits longer, but once other hosts have answered, "longer"
 *   becomes ten times the network's round trip (the median of each host's fastest connect) plus
 *   200 ms, not the full timeout;
 * - "no route / host unreachable" (ARP failed) ends every probe of that address at once.
 * Connects are bounded (`concurrency`) and paced (`ratePerSecond`); `signal` stops everything at
 * once (sockets destroyed, nothing more launched). `onHost` is called as each address completes.
 */
export function sweepPorts(options: SweepOptions, onHost: (host: HostSweep) => void): Promise<void> {
  const { addresses, ports, signal } = options;
  const hosts: HostState[] = [];
  const inFlight = new Set<Probe>();
  let nextHost = 0;
  // Each answering host's fastest connect, ms: their median is how fast this network is.
  const hostRtts: number[] = [];
  let networkRtt: number | null = null;
  let tokens = Math.max(1, Math.min(options.concurrency, options.ratePerSecond / 50));
  let lastRefill = performance.now();
  let ticker: NodeJS.Timeout | undefined;
  let finished = false;

  return new Promise<void>((resolve) => {
    const finish = () => {
      if (finished) return;
      finished = true;
      if (ticker) clearInterval(ticker);
      signal.removeEventListener('abort', abort);
      for (const probe of inFlight) probe.socket.destroy();
      inFlight.clear();
      resolve();
    };
    const abort = () => finish();
    if (signal.aborted) return finish();
    signal.addEventListener('abort', abort, { once: true });

    const deadlineOf = (probe: Probe): number => {
      const { host } = probe;
      const wait =
        host.rttMs !== null
          ? host.rttMs * 4 + 50
          : networkRtt !== null
            ? networkRtt * 10 + 200
            : options.timeoutMs;
      return probe.started + Math.min(options.timeoutMs, Math.max(options.minTimeoutMs, wait));
    };

    const hostDone = (host: HostState) => {
      onHost({
        address: host.address,
        open: host.open.sort((a, b) => a - b),
        closed: host.closed,
        filtered: host.filtered,
        answered: host.rttMs !== null,
        rttMs: host.rttMs === null ? null : Math.round(host.rttMs * 10) / 10,
      });
    };

    const settle = (probe: Probe, state: PortState) => {
      if (probe.settled) return;
      probe.settled = true;
      inFlight.delete(probe);
      probe.socket.destroy();
      const { host } = probe;
      if (state === 'open' || state === 'closed') {
        const rtt = Math.max(0, performance.now() - probe.started);
        if (host.rttMs === null) {
          // The latest 101 hosts are enough to know the network, and keep this cheap on a /16.
          hostRtts.push(rtt);
          if (hostRtts.length > 101) hostRtts.shift();
          networkRtt = median(hostRtts);
        }
        host.rttMs = host.rttMs === null ? rtt : Math.min(host.rttMs, rtt);
      }
      if (state === 'open') host.open.push(probe.port);
      else if (state === 'closed') host.closed++;
      else host.filtered++;
      if (state === 'unreachable') {
        // Nobody is at this address: the ports not yet tried would fail the same way.
        host.unreachable = true;
        host.filtered += ports.length - host.next;
        host.next = ports.length;
      }
      host.pending--;
      if (host.pending === 0 && host.next >= ports.length) hostDone(host);
      pump();
    };

    const launch = (host: HostState) => {
      const port = ports[host.next++] ?? 0;
      host.pending++;
      const socket = new Socket();
      const probe: Probe = { host, port, started: performance.now(), socket, settled: false };
      inFlight.add(probe);
      socket.once('connect', () => settle(probe, 'open'));
      socket.once('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? '';
        settle(probe, code === 'ECONNREFUSED' || code === 'ECONNRESET' ? 'closed' : code === 'ETIMEDOUT' ? 'filtered' : 'unreachable');
      });
      socket.connect({ host: host.address, port });
      // net.connect sends the SYN on the next tick: time the answer from there, not from a busy loop.
      process.nextTick(() => {
        probe.started = performance.now();
      });
    };

    /** Hosts are taken in order and all ports of a host go out together, so a host finishes early. */
    const pump = () => {
      if (finished) return;
      const now = performance.now();
      tokens = Math.min(Math.max(1, options.ratePerSecond / 50), tokens + ((now - lastRefill) * options.ratePerSecond) / 1000);
      lastRefill = now;
      while (inFlight.size < options.concurrency && tokens >= 1) {
        while (hosts.length > 0 && (hosts[0]?.next ?? 0) >= ports.length) hosts.shift();
        let host = hosts[0];
        if (!host) {
          if (nextHost >= addresses.length) break;
          const index = nextHost++;
          host = { index, address: formatIpv4(addresses[index] ?? 0), open: [], closed: 0, filtered: 0, pending: 0, next: 0, rttMs: null, unreachable: false };
          hosts.push(host);
        }
        launch(host);
        tokens--;
      }
      while (hosts.length > 0 && (hosts[0]?.next ?? 0) >= ports.length) hosts.shift();
      if (inFlight.size === 0 && nextHost >= addresses.length && hosts.length === 0) finish();
    };

    ticker = setInterval(() => {
      const now = performance.now();
      for (const probe of inFlight) if (now >= deadlineOf(probe)) settle(probe, 'filtered');
      pump();
    }, TICK_MS);
    pump();
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
