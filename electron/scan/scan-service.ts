import { ApiError } from '../../shared/contract/errors.ts';
import type { ScanDiff, ScanFinding, ScanOptions, ScanRecord, ScanSummary } from '../../shared/contract/scan.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import type { ScansTable } from '../store/scans-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { diffScans } from './scan-diff.ts';
import { runScan } from './scan-engine.ts';
import { resolveTargets, type TargetSet } from './targets.ts';

interface ScanServiceDeps {
  readonly store: ScansTable;
  readonly sites: SitesTable;
  readonly bus: EventBus;
  readonly log: Logger;
}

/** Progress events at most this often (a /24 finishes hundreds of addresses per tick). */
const PROGRESS_EVERY_MS = 100;

/**
 * Scans as a site's job: each one recorded with its targets, its findings written as they arrive,
 * progress and findings pushed as events, cancel at any moment. Several scans may run at once
 * (two sites, two windows); each has its own stop switch.
 */
export class ScanService {
  private readonly deps: ScanServiceDeps;
  private readonly running = new Map<number, { controller: AbortController; done: Promise<ScanSummary | null> }>();

  constructor(deps: ScanServiceDeps) {
    this.deps = deps;
    // No scan runs for an hour (a /16 takes well under a minute): older "running" ones were cut off.
    const now = Date.now();
    deps.store.failAbandoned(new Date(now - 3_600_000).toISOString(), new Date(now).toISOString());
  }

  /** Checks the targets (refusing a large scan unless confirmed), records the scan, starts it. */
  start(siteId: SiteId, options: ScanOptions): { scanId: number; addressesTotal: number } {
    if (!this.deps.sites.get(siteId)) throw new ApiError('site_not_found', `Site ${siteId} does not exist.`);
    const targets = resolveTargets(options);
    const record = this.deps.store.begin(siteId, options.targets, options.exclude, new Date().toISOString());
    const controller = new AbortController();
    const done = this.run(record, options, targets, controller.signal);
    this.running.set(record.id, { controller, done });
    return { scanId: record.id, addressesTotal: targets.count };
  }

  private async run(record: ScanRecord, options: ScanOptions, targets: TargetSet, signal: AbortSignal): Promise<ScanSummary | null> {
    const { store, bus, log } = this.deps;
    const scanId = record.id;
    let lastProgress = 0;
    log.info({ scanId, siteId: record.siteId, targets: options.targets, exclude: options.exclude, ports: options.ports }, 'scan started');
    try {
      const { summary } = await runScan(options, {
        onProgress: (progress) => {
          const now = performance.now();
          if (now - lastProgress < PROGRESS_EVERY_MS && progress.addressesDone < progress.addressesTotal) return;
          lastProgress = now;
          bus.emit('scan.progress', { scanId, ...progress });
        },
        onFinding: (finding: ScanFinding) => {
          store.addFinding(scanId, finding);
          bus.emit('scan.finding', { scanId, finding });
        },
      }, signal, targets);
      const state = summary.cancelled ? 'cancelled' : 'done';
      store.finish(scanId, state, summary, new Date().toISOString());
      bus.emit('scan.progress', { scanId, addressesDone: summary.addressesDone, addressesTotal: summary.addressesTotal, hostsFound: summary.hostsFound });
      bus.emit('scan.finished', { scanId, state, summary });
      log.info({ scanId, state, hostsFound: summary.hostsFound, durationMs: summary.durationMs, byKind: summary.byKind }, 'scan finished');
      return summary;
    } catch (error) {
      store.finish(scanId, 'failed', null, new Date().toISOString());
      bus.emit('scan.finished', { scanId, state: 'failed', summary: null });
      log.error({ scanId, err: error }, 'scan failed');
      return null;
    } finally {
      this.running.delete(scanId);
    }
  }

  /** Stops a running scan; what it found so far stays. False when it is not running. */
  async cancel(scanId: number): Promise<{ cancelled: boolean }> {
    const job = this.running.get(scanId);
    if (!job) {
      if (!this.deps.store.get(scanId)) throw new ApiError('scan_not_found', `Scan ${scanId} does not exist.`);
      return { cancelled: false };
    }
    job.controller.abort();
    await job.done;
    return { cancelled: true };
  }

  /** Resolves when the scan ends (for the CLI and tests); null when it failed. */
  finished(scanId: number): Promise<ScanSummary | null> {
    return this.running.get(scanId)?.done ?? Promise.resolve(this.deps.store.get(scanId)?.summary ?? null);
  }

  list(siteId: SiteId): ScanRecord[] {
    return this.deps.store.list(siteId);
  }

  results(scanId: number): { scan: ScanRecord; findings: ScanFinding[] } {
    return { scan: this.record(scanId), findings: this.deps.store.findings(scanId) };
  }

  hosts(siteId: SiteId) {
    return this.deps.store.knownHosts(siteId);
  }

  diff(fromScanId: number, toScanId: number): ScanDiff {
    this.record(fromScanId);
    this.record(toScanId);
    return diffScans(this.deps.store.findings(fromScanId), this.deps.store.findings(toScanId));
  }

  async close(): Promise<void> {
    const jobs = [...this.running.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.all(jobs.map((job) => job.done));
  }

  private record(scanId: number): ScanRecord {
    const record = this.deps.store.get(scanId);
    if (!record) throw new ApiError('scan_not_found', `Scan ${scanId} does not exist.`);
    return record;
  }
}
