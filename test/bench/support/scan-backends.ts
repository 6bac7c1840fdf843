// The simulated backends the scan benchmarks spread over a subnet, and what a scan result or an
// nmap run said about each of them.
import { fileURLToPath } from 'node:url';
import { startLineProcess, type LineProcess } from './scan-netns.ts';
import type { NmapRun } from './scan-nmap.ts';

export type Vendor = 'zkbio' | 'hongtu' | 'k30';

/** A backend the benchmark runs: its simulator listens on `host:port`. */
export interface Backend {
  readonly vendor: Vendor;
  readonly address: string;
  readonly port: number;
}

/** What the runner prints per finding (scan-runner.ts). */
export interface RunnerFinding {
  readonly address: string;
  readonly kind: string;
  readonly confidence: number;
  readonly openPorts: readonly number[];
  readonly services: readonly { readonly port: number; readonly kind: string; readonly confidence: number }[];
}

export interface RunnerLine {
  readonly run: number;
  readonly warmup: boolean;
  /** When the runner saw the last address swept; the rest of durationMs is fingerprinting. */
  readonly sweptMs: number | null;
  readonly summary: { readonly durationMs: number; readonly hostsAnswered: number; readonly hostsFound: number; readonly addressesTotal: number; readonly addressesDone: number; readonly byKind: Record<string, number> };
  readonly findings: readonly RunnerFinding[];
}

export function simulatorEntry(vendor: Vendor): string {
  return fileURLToPath(new URL(`../../simulators/${vendor}/main.ts`, import.meta.url));
}

/** ZKBio needs a token on its command line; the others make or default their credentials. */
function simulatorArgs(vendor: Vendor, host: string, port: number): string[] {
  return ['--host', host, '--port', String(port), ...(vendor === 'zkbio' ? ['--token', 'T'] : [])];
}

/** Starts one simulator process (inside `ns` when given) and waits until it listens. */
export function startSimulator(ns: string | null, vendor: Vendor, host: string, port: number): Promise<LineProcess<{ url: string }>> {
  return startLineProcess<{ url: string }>(ns, [process.execPath, simulatorEntry(vendor), ...simulatorArgs(vendor, host, port)]);
}

/** Per backend, what the scan named it (the finding's kind at that address, and its port's). */
export function namedByScan(backends: readonly Backend[], findings: readonly RunnerFinding[]) {
  return backends.map((backend) => {
    const finding = findings.find((f) => f.address === backend.address);
    const service = finding?.services.find((s) => s.port === backend.port);
    return {
      address: backend.address,
      port: backend.port,
      expected: backend.vendor,
      named: finding?.kind ?? null,
      confidence: finding?.confidence ?? null,
      portNamed: service?.kind ?? null,
      ok: finding?.kind === backend.vendor && service?.kind === backend.vendor,
    };
  });
}

/** Per backend, what nmap listed on its port (state; with -sV whether it recognised the service, and its version). */
export function seenByNmap(backends: readonly Backend[], run: NmapRun) {
  return backends.map((backend) => {
    const port = run.hosts[backend.address]?.find((p) => p.port === backend.port);
    return { address: backend.address, port: backend.port, backend: backend.vendor, state: port?.state ?? null, service: port?.service ?? null, recognised: port?.recognised ?? null, version: port?.version ?? null };
  });
}

export function round(n: number, places = 1): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
