import type { BackendId, PushSignCheck } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { EventBus } from '../api/event-bus.ts';
import { toApiError } from '../backends/driver-errors-to-api.ts';
import { isPushSubscriber, vendorModule, type PushDelivery, type VendorPush } from '../backends/vendors.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { Logger } from '../log/logger.ts';
import type { DeviceSyncResultsTable } from '../store/device-sync-results-table.ts';
import type { EventsTable } from '../store/events-table.ts';
import type { PersonRefsTable } from '../store/person-refs-table.ts';
import type { ReceiverEndpointsTable } from '../store/receiver-endpoints-table.ts';
import { randomBytes } from 'node:crypto';
import { localAddressFacing } from './local-address.ts';
import { startPushReceiver, type PushReceiver, type PushStats } from './push-receiver.ts';

type Registration = 'automatic' | 'manual';

interface ReceiverStatus {
  readonly running: boolean;
  readonly url: string | null;
  readonly registration: Registration | null;
  readonly stats: PushStats | null;
  readonly lastReceivedAt: string | null;
  /** When the backend first called this URL, kept across restarts while the URL stays; null: never. */
  readonly firstCalledAt: string | null;
  readonly stored: number;
}

interface Started {
  readonly url: string;
  readonly registration: Registration;
  /** Where the installer types the URL (manual registration), in both languages. */
  readonly where: { readonly en: string; readonly 'zh-CN': string } | null;
}

interface Running {
  readonly receiver: PushReceiver;
  readonly push: VendorPush;
}

interface StartOptions {
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly signCheck?: PushSignCheck | undefined;
}

/**
 * Push receivers for backends that push: one HTTP endpoint per backend. Registered with the
 * backend on start and unregistered on stop when the vendor lets Doorman do it (Hongtu's pubsub);
 * otherwise its URL is for the installer to type into the vendor's software (K30's third-party
 * forwarding URL). What arrives is read by the vendor's reader with the backend's credentials,
 * validated, stored once (events; per-device sync results, the latest per person and device) and
 * announced.
 */
export class ReceiversService {
  private readonly running = new Map<BackendId, Running>();
  /** Receivers whose first call is recorded in this process (one write per receiver, not per delivery). */
  private readonly called = new Set<BackendId>();
  private readonly backends: BackendsService;
  private readonly events: EventsTable;
  private readonly deviceResults: DeviceSyncResultsTable | undefined;
  private readonly personRefs: PersonRefsTable | undefined;
  private readonly endpoints: ReceiverEndpointsTable | undefined;
  private readonly bus: EventBus;
  private readonly log: Logger;

  constructor(deps: { backends: BackendsService; events: EventsTable; bus: EventBus; log: Logger; deviceResults?: DeviceSyncResultsTable; personRefs?: PersonRefsTable; endpoints?: ReceiverEndpointsTable }) {
    this.backends = deps.backends;
    this.events = deps.events;
    this.deviceResults = deps.deviceResults;
    this.personRefs = deps.personRefs;
    this.endpoints = deps.endpoints;
    this.bus = deps.bus;
    this.log = deps.log;
  }

  async start(backendId: BackendId, where: StartOptions = {}): Promise<Started> {
    const existing = this.running.get(backendId);
    if (existing) return started(existing.receiver.url, existing.push);
    const backend = this.backends.get(backendId);
    const push = (await vendorModule(backend.vendor))?.push;
    const driver = await this.backends.driverOf(backendId);
    const automatic = push?.registration.kind === 'automatic';
    if (!push || (automatic && !isPushSubscriber(driver))) {
      throw new ApiError('backend_unsupported', `${backend.vendor} does not push records.`, {
        advice: { en: `${backend.vendor} does not push records; Doorman polls it instead.`, 'zh-CN': `${backend.vendor} 不推送记录；Doorman 改为轮询。` },
      });
    }
    // The URL of the last start, kept: an installer typed it into the vendor's software.
    const saved = this.endpoints?.get(backendId) ?? null;
    const signCheck = where.signCheck ?? saved?.signCheck ?? 'warn';
    const backends = this.backends;
    const context = {
      // Read for each delivery: a company number edited while the receiver runs applies at once.
      get credentials() {
        return backends.credentialsOf(backendId);
      },
      signCheck,
      pinOf: (ref: string) => this.personRefs?.pinOf(backendId, ref) ?? null,
    };
    const target = new URL(backend.baseUrl);
    // Default: the interface this computer reaches the backend through (the backend must reach us back).
    const host = where.host ?? saved?.host ?? (await localAddressFacing(target.hostname, Number(target.port || (target.protocol === 'https:' ? 443 : 80))));
    const port = where.port ?? saved?.port;
    const token = saved?.token ?? randomBytes(18).toString('base64url');
    const receiver = await startPushReceiver({
      host,
      token,
      ...(port !== undefined ? { port } : {}),
      bodies: push.bodies,
      read: (payload) => push.read(payload, context),
      store: (delivery) => this.store(backendId, backend.siteId, delivery),
      acknowledgement: push.acknowledgement,
      log: this.log,
    }).catch((error: unknown) => {
      throw addressUnavailable(error, host, port) ?? error;
    });
    if (automatic && isPushSubscriber(driver)) {
      try {
        await driver.subscribe(receiver.url);
      } catch (error) {
        await receiver.close();
        throw toApiError(error);
      }
    }
    this.running.set(backendId, { receiver, push });
    this.endpoints?.save(backendId, { host, port: receiver.port, token, signCheck, enabled: true });
    // A new URL (address, port or token changed) is not called yet: record its first call again.
    this.called.delete(backendId);
    this.log.info({ backend: backendId, host, port: receiver.port, registration: push.registration.kind }, automatic ? 'push receiver registered' : 'push receiver waiting for the URL to be configured in the vendor software');
    return started(receiver.url, push);
  }

  async stop(backendId: BackendId): Promise<{ stopped: boolean }> {
    const running = this.running.get(backendId);
    this.running.delete(backendId);
    this.endpoints?.setEnabled(backendId, false);
    const push = running?.push ?? (await vendorModule(this.backends.get(backendId).vendor))?.push;
    try {
      // Only what Doorman registered is unregistered; a URL typed into the vendor's software stays there.
      if (push?.registration.kind === 'automatic') {
        const driver = await this.backends.driverOf(backendId);
        if (isPushSubscriber(driver)) await driver.unsubscribe();
      }
    } catch (error) {
      if (!running) throw toApiError(error);
      this.log.warn({ backend: backendId, err: error }, 'unsubscribe failed; closing the receiver anyway');
    } finally {
      await running?.receiver.close();
    }
    return { stopped: running !== undefined };
  }

  async status(backendId: BackendId): Promise<ReceiverStatus> {
    const running = this.running.get(backendId);
    const push = running?.push ?? (await vendorModule(this.backends.get(backendId).vendor))?.push;
    return {
      running: running !== undefined,
      url: running?.receiver.url ?? null,
      registration: push?.registration.kind ?? null,
      stats: running ? { ...running.receiver.stats } : null,
      lastReceivedAt: running?.receiver.lastReceivedAt?.toISOString() ?? null,
      firstCalledAt: this.firstCalledAt(backendId, running),
      stored: this.events.count(backendId),
    };
  }

  /** When the backend first called the receiver's URL: as stored (kept across restarts), else as this run saw it. */
  private firstCalledAt(backendId: BackendId, running: Running | undefined): string | null {
    return this.endpoints?.get(backendId)?.firstCalledAt ?? running?.receiver.lastReceivedAt?.toISOString() ?? null;
  }

  /**
   * A running receiver whose URL the installer types into the vendor's software (manual
   * registration) and that the backend has never called: where to type it, in both languages.
   * Null when none runs, when Doorman registers the URL itself, or once the backend has called it.
   */
  awaitingFirstCall(backendId: BackendId): { readonly en: string; readonly 'zh-CN': string } | null {
    const running = this.running.get(backendId);
    if (!running || running.push.registration.kind !== 'manual') return null;
    return this.firstCalledAt(backendId, running) === null ? running.push.registration.where : null;
  }

  /**
   * Starts again, at the same address and URL, every receiver that was running when the app last
   * stopped (the app calls this when it starts). One that cannot start (the address is gone, the port
   * taken) is logged and left stopped; its status says so.
   */
  async resume(): Promise<void> {
    for (const backendId of this.endpoints?.enabled() ?? []) {
      try {
        await this.start(backendId);
      } catch (error) {
        this.log.warn({ backend: backendId, err: error }, 'push receiver could not start again; start it from its backend');
      }
    }
  }

  /** Closes every receiver (the app is quitting): Doorman-registered URLs are unregistered, and each starts again with the app. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.running.keys()].map(async (id) => {
        await this.stop(id).catch(() => undefined);
        this.endpoints?.setEnabled(id, true);
      }),
    );
  }

  /** One delivery into the store: its events once each, its device results replacing older ones; the new ones announced. */
  private store(backendId: BackendId, siteId: number, delivery: PushDelivery): { added: number; refused: ReturnType<EventsTable['add']>['refused'] } {
    const { added, refused } = this.events.add(backendId, 'push', delivery.events);
    // The backend calls this URL: a manually registered receiver is a real-time stream from now on.
    if (!this.called.has(backendId)) {
      this.called.add(backendId);
      this.endpoints?.markCalled(backendId, new Date().toISOString());
    }
    if (added.length > 0) this.bus.emit('events.received', { backendId, events: added });
    if (refused.length === 0 && delivery.deviceResults.length > 0 && this.deviceResults) {
      for (const result of this.deviceResults.record(backendId, delivery.deviceResults)) this.bus.emit('outbox.deviceResult', { siteId, ...result });
    }
    return { added: added.length, refused };
  }
}

function started(url: string, push: VendorPush): Started {
  return { url, registration: push.registration.kind, where: push.registration.kind === 'manual' ? push.registration.where : null };
}

/** The receiver's address refused by the OS (port taken, address gone) as a typed error, else null. */
function addressUnavailable(error: unknown, host: string, port: number | undefined): ApiError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL' && code !== 'EACCES') return null;
  const reason = code === 'EADDRINUSE' ? 'port in use' : code === 'EADDRNOTAVAIL' ? 'address not on this computer' : 'not allowed';
  return new ApiError('receiver_address_unavailable', `cannot listen at ${host}:${port ?? 0}: ${reason}`, { host, port: port ?? 0 });
}
