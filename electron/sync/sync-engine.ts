import { ApiError } from '../../shared/contract/errors.ts';
import type { OutboxEntry } from '../../shared/contract/people.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { PersonRecord } from '../backends/backend.ts';
import { sleep } from '../drivers/poll-loop.ts';
import { DriverError, type LocalizedText } from '../drivers/driver-error.ts';
import type { Logger } from '../log/logger.ts';
import type { FaceFiles } from '../people/face-files.ts';
import type { UpsertPayload } from '../people/people-service.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { OutboxItem, OutboxTable } from '../store/outbox-table.ts';
import { backoffMs } from './backoff.ts';
import { ClaimOwner, claimIsLive } from './claim-owner.ts';

/** Refusals a person must look at (the data is wrong); anything else is retried with backoff. */
const NEEDS_A_PERSON = new Set(['vendor_error', 'invalid_params', 'unsupported']);

interface SyncOptions {
  /** Writes in flight per backend at once. */
  readonly perBackend?: number;
  /** How often to look for due entries while running. */
  readonly idleMs?: number;
}

/**
 * Drains the outbox: every due entry is sent through its backend's driver, at most `perBackend` at
 * a time per backend. A success is `done`; a refusal of the data is `failed` with the vendor's
 * reason; a network or server trouble goes back to `pending` with exponential backoff and jitter, so
 * sync resumes by itself when a backend comes back. The writes are upserts (or deletes) by personnel
 * number, so a write repeated after a crash leaves one person, never two. Which entry may go when
 * (one person's writes in order, the newest superseding the rest) is the outbox's rule; the engine
 * claims each entry as its ClaimOwner, and before each pass recovers the entries of engines that
 * died mid-send.
 */
export class SyncEngine {
  private readonly outbox: OutboxTable;
  private readonly backends: BackendsService;
  private readonly faces: FaceFiles;
  private readonly bus: EventBus;
  private readonly log: Logger;
  private readonly perBackend: number;
  private readonly idleMs: number;
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private queued = false;
  private readonly owner = new ClaimOwner();

  constructor(deps: { outbox: OutboxTable; backends: BackendsService; faces: FaceFiles; bus: EventBus; log: Logger }, options: SyncOptions = {}) {
    this.outbox = deps.outbox;
    this.backends = deps.backends;
    this.faces = deps.faces;
    this.bus = deps.bus;
    this.log = deps.log;
    this.perBackend = options.perBackend ?? 2;
    this.idleMs = options.idleMs ?? 1_000;
  }

  /** Sends everything due now, and what becomes due meanwhile, until nothing is due. */
  async runOnce(signal?: AbortSignal): Promise<Record<OutboxEntry['state'], number>> {
    this.owner.hold();
    while (!signal?.aborted) {
      // Entries a killed process left 'sending'; those of live engines (the app beside a CLI sync)
      // are theirs to finish, and the outbox holds newer writes for the same people until then.
      for (const entry of this.outbox.recover(new Date().toISOString(), claimIsLive)) this.bus.emit('outbox.changed', entry);
      const due = this.outbox.due(new Date().toISOString(), this.perBackend);
      if (due.length === 0) break;
      await Promise.all(due.map((item) => this.send(item)));
    }
    return this.outbox.counts();
  }

  /** Runs in the background until stopped, waking at once when new work is queued. */
  start(): void {
    if (this.loop) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loop = (async () => {
      while (!controller.signal.aborted) {
        this.queued = false;
        await this.runOnce(controller.signal).catch((error: unknown) => this.log.error({ err: error }, 'sync pass failed'));
        // The wait exists before the flag is read, so a notify() at any moment is never lost.
        const woken = new Promise<void>((resolve) => (this.wake = resolve));
        if (this.queued) continue;
        await Promise.race([sleep(this.idleMs, controller.signal), woken]);
      }
    })();
  }

  /** New work was queued: look now rather than at the next idle tick. */
  notify(): void {
    this.queued = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.wake?.();
    await this.loop;
    this.loop = null;
    this.owner.release();
  }

  private async send(item: OutboxItem): Promise<void> {
    const { entry } = item;
    if (!this.outbox.claim(entry.id, this.owner.id, new Date().toISOString())) return;
    this.bus.emit('outbox.changed', { ...entry, state: 'sending', attempts: entry.attempts + 1 });
    let finished: OutboxEntry | undefined;
    try {
      const driver = await this.backends.driverOf(entry.backendId);
      if (entry.action === 'delete') {
        try {
          await driver.deletePerson(entry.pin);
        } catch (error) {
          // Already gone is what a delete wants (ZKBio −22 "person does not exist", Hongtu "no person").
          if (!(error instanceof DriverError && error.code === 'vendor_error' && (error.vendorCode === -22 || /no person|does not exist/i.test(error.message)))) throw error;
        }
      } else {
        await driver.upsertPerson(this.personRecord(item.payload as UpsertPayload));
      }
      finished = this.outbox.finish(entry.id, this.owner.id, 'done', new Date().toISOString(), null, null);
    } catch (error) {
      const driverError = error instanceof DriverError ? error : null;
      const reason = {
        code: driverError ? (driverError.vendorCode !== undefined ? String(driverError.vendorCode) : driverError.code) : error instanceof ApiError ? error.code : 'error',
        message: error instanceof Error ? error.message : String(error),
        advice: driverError?.advice ?? (error instanceof ApiError ? ((error.details?.['advice'] as LocalizedText | undefined) ?? null) : null),
      };
      const now = new Date();
      if (driverError && NEEDS_A_PERSON.has(driverError.code)) {
        finished = this.outbox.finish(entry.id, this.owner.id, 'failed', now.toISOString(), null, reason);
      } else {
        const next = new Date(now.getTime() + backoffMs(entry.attempts + 1));
        finished = this.outbox.finish(entry.id, this.owner.id, 'pending', now.toISOString(), next.toISOString(), reason);
      }
      this.log.warn({ outbox: entry.id, backend: entry.backendId, pin: entry.pin, state: finished?.state, code: reason.code }, 'sync write did not go through');
    }
    // Undefined: another engine took the claim over meanwhile (it held it past MAX_CLAIM_MS).
    if (finished) this.bus.emit('outbox.changed', finished);
  }

  private personRecord(payload: UpsertPayload): PersonRecord {
    const f = payload.fields;
    return {
      pin: f.pin,
      name: f.name,
      ...(f.gender !== undefined ? { gender: f.gender } : {}),
      ...(f.department !== undefined ? { departmentId: f.department } : {}),
      ...(f.cardNo !== undefined ? { cardNo: f.cardNo } : {}),
      ...(f.idNumber !== undefined ? { idNumber: f.idNumber } : {}),
      ...(f.phone !== undefined ? { phone: f.phone } : {}),
      ...(f.validFrom !== undefined ? { validFrom: f.validFrom } : {}),
      ...(f.validTo !== undefined ? { validTo: f.validTo } : {}),
      ...(payload.accessLevelIds.length > 0 || payload.replaceLevels === true ? { accessLevelIds: payload.accessLevelIds } : {}),
      ...(payload.faceSha256 ? { photo: { path: this.faces.pathOf(payload.faceSha256) } } : {}),
    };
  }
}
