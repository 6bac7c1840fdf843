// A site LAN made of network namespaces for scan-lan.bench.ts: each host and the scanner is a
// namespace with a veth to a switch namespace; the other addresses of the /24 have no host at all.
// Per host: a one-way delay on its link in both directions (its round trip is twice that), dropped
// packets for "filtered" ports (SYNs that never get an answer), and what listens there.
// The delay is netem on both ends of each link behind a Linux bridge where the kernel has sch_netem;
// where it has not, scan-lan-switch.py is the switch and delays each frame the same way.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Backend, type Vendor } from './scan-backends.ts';
import { addNetns, deleteNetns, inNetns, ip, startLineProcess, type LineProcess } from './scan-netns.ts';

export interface LanHost {
  /** Last octet. */
  readonly n: number;
  /** One-way delay on this host's link, ms (both directions). */
  readonly delayMs: number;
  /** Simulators on this host, each on its port. */
  readonly simulators?: readonly (readonly [Vendor, number])[];
  /** Plain listeners: accept, never answer. */
  readonly listen?: readonly number[];
  /** TCP ports whose packets are dropped on the way in (filtered), or every TCP port. */
  readonly drop?: readonly number[] | 'all-tcp';
  readonly what: string;
}

export type DelayMode = 'netem' | 'userspace-switch' | 'none';

export interface Lan {
  readonly scanner: string;
  readonly scannerAddress: string;
  readonly backends: readonly Backend[];
  readonly delay: DelayMode;
  close(): Promise<void>;
}

const agentEntry = fileURLToPath(new URL('./scan-lan-host.ts', import.meta.url));
const switchEntry = fileURLToPath(new URL('./scan-lan-switch.py', import.meta.url));

/** netem if this kernel has it, else the userspace switch if python3 is there, else no delay. */
function delayMode(ns: string): DelayMode {
  ip(['-n', ns, 'link', 'add', 'vtry0', 'type', 'veth', 'peer', 'name', 'vtry1']);
  const netem = spawnSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', 'vtry0', 'root', 'netem', 'delay', '1ms']).status === 0;
  ip(['-n', ns, 'link', 'del', 'vtry0']);
  if (netem) return 'netem';
  return spawnSync('python3', ['--version']).status === 0 ? 'userspace-switch' : 'none';
}

/** No IPv6 chatter (router solicitations, DAD) on the LAN: only what the scanners send. */
function quiet(ns: string): void {
  inNetns(ns, ['sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
}

/**
 * Drops the packets of `ports` (all TCP when null) arriving on the host's eth0: a u32 match on the
 * ingress hook redirected to a veth whose peer is down, which discards them (this works without
 * act_gact, which some kernels lack).
 */
function dropTcp(ns: string, ports: readonly (number | null)[]): void {
  ip(['-n', ns, 'link', 'add', 'vdrop', 'type', 'veth', 'peer', 'name', 'vdrop-peer']);
  ip(['-n', ns, 'link', 'set', 'vdrop', 'up']);
  inNetns(ns, ['tc', 'qdisc', 'add', 'dev', 'eth0', 'ingress']);
  for (const port of ports) {
    const match = ['match', 'ip', 'protocol', '6', '0xff', ...(port === null ? [] : ['match', 'ip', 'dport', String(port), '0xffff'])];
    inNetns(ns, ['tc', 'filter', 'add', 'dev', 'eth0', 'parent', 'ffff:', 'protocol', 'ip', 'prio', '1', 'u32', ...match, 'action', 'mirred', 'egress', 'redirect', 'dev', 'vdrop']);
  }
}

/** Builds the LAN on `prefix`.0/24 (e.g. `10.77.0`); everything is removed by `close`, also after a failure half-way. */
export async function buildLan(tag: string, prefix: string, hosts: readonly LanHost[], scannerN: number): Promise<Lan> {
  const namespaces: string[] = [];
  const processes: LineProcess<unknown>[] = [];
  const close = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    for (const ns of namespaces.reverse()) deleteNetns(ns);
  };
  try {
    const hub = addNetns(`${tag}-sw`);
    namespaces.push(hub);
    quiet(hub);
    const delay = delayMode(hub);
    if (delay !== 'userspace-switch') {
      ip(['-n', hub, 'link', 'add', 'br0', 'type', 'bridge']);
      ip(['-n', hub, 'link', 'set', 'br0', 'up']);
    }
    const switchPorts: { ifname: string; delayMs: number }[] = [];
    const attach = (ns: string, port: string, n: number, delayMs: number) => {
      quiet(ns);
      ip(['-n', hub, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
      ip(['-n', hub, 'link', 'set', port, ...(delay === 'userspace-switch' ? [] : ['master', 'br0']), 'up']);
      ip(['-n', ns, 'addr', 'add', `${prefix}.${n}/24`, 'dev', 'eth0']);
      ip(['-n', ns, 'link', 'set', 'eth0', 'up']);
      if (delay === 'userspace-switch') switchPorts.push({ ifname: port, delayMs });
      if (delay === 'netem' && delayMs > 0) {
        inNetns(ns, ['tc', 'qdisc', 'add', 'dev', 'eth0', 'root', 'netem', 'delay', `${delayMs}ms`]);
        inNetns(hub, ['tc', 'qdisc', 'add', 'dev', port, 'root', 'netem', 'delay', `${delayMs}ms`]);
      }
    };

    const scanner = addNetns(`${tag}-scan`);
    namespaces.push(scanner);
    attach(scanner, 'vscan', scannerN, 0);

    const backends: Backend[] = [];
    const starting: Promise<LineProcess<unknown>>[] = [];
    for (const host of hosts) {
      const ns = addNetns(`${tag}-h${host.n}`);
      namespaces.push(ns);
      attach(ns, `vh${host.n}`, host.n, host.delayMs);
      if (host.drop) dropTcp(ns, host.drop === 'all-tcp' ? [null] : host.drop);
      const address = `${prefix}.${host.n}`;
      const relays: string[] = [];
      for (const [vendor, simPort] of host.simulators ?? []) {
        backends.push({ vendor, address, port: simPort });
        relays.push('--relay', String(simPort));
        starting.push(startSimulator(ns, vendor, '127.0.0.1', simPort));
      }
      const listens = (host.listen ?? []).flatMap((p) => ['--listen', String(p)]);
      if (relays.length + listens.length > 0) starting.push(startLineProcess(ns, [process.execPath, agentEntry, '--address', address, ...relays, ...listens]));
    }
    if (delay === 'userspace-switch') starting.push(startLineProcess(hub, ['python3', switchEntry, JSON.stringify({ ports: switchPorts })]));
    const started = await Promise.allSettled(starting);
    for (const outcome of started) if (outcome.status === 'fulfilled') processes.push(outcome.value);
    const failed = started.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    return { scanner, scannerAddress: `${prefix}.${scannerN}`, backends, delay, close };
  } catch (error) {
    await close();
    throw error;
  }
}
