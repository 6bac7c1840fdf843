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
import { localAddressFacing } from './local-address.ts';
import { startPushReceiver, type PushReceiver, type PushStats } from './push-receiver.ts';

type Registration = 'automatic' | 'manual';

interface ReceiverStatus {
  readonly running: boolean;
  readonly url: string | null;
  readonly registration: Registration | null;
  readonly stats: PushStats | null;
  readonly lastReceivedAt: string | null;
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
  private readonly backends: BackendsService;
  private readonly events: EventsTable;
  private readonly deviceResults: DeviceSyncResultsTable | undefined;
  private readonly personRefs: PersonRefsTable | undefined;
  private readonly bus: EventBus;
  private readonly log: Logger;

  constructor(deps: { backends: BackendsService; events: EventsTable; bus: EventBus; log: Logger; deviceResults?: DeviceSyncResultsTable; personRefs?: PersonRefsTable }) {
    this.backends = deps.backends;
    this.events = deps.events;
    this.deviceResults = deps.deviceResults;
    this.personRefs = deps.personRefs;
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
    const backends = this.backends;
    const context = {
      // Read for each delivery: a company number edited while the receiver runs applies at once.
      get credentials() {
        return backends.credentialsOf(backendId);
      },
      signCheck: where.signCheck ?? 'warn',
      pinOf: (ref: string) => this.personRefs?.pinOf(backendId, ref) ?? null,
    };
    const target = new URL(backend.baseUrl);
    // Default: the interface this computer reaches the backend through (the backend must reach us back).
    const host = where.host ?? (await localAddressFacing(target.hostname, Number(target.port || (target.protocol === 'https:' ? 443 : 80))));
    const receiver = await startPushReceiver({
      host,
      ...(where.port !== undefined ? { port: where.port } : {}),
      bodies: push.bodies,
      read: (payload) => push.read(payload, context),
      store: (delivery) => this.store(backendId, backend.siteId, delivery),
      acknowledgement: push.acknowledgement,
      log: this.log,
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
    this.log.info({ backend: backendId, host, port: receiver.port, registration: push.registration.kind }, automatic ? 'push receiver registered' : 'push receiver waiting for the URL to be configured in the vendor software');
    return started(receiver.url, push);
  }

  async stop(backendId: BackendId): Promise<{ stopped: boolean }> {
    const running = this.running.get(backendId);
    this.running.delete(backendId);
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
      stored: this.events.count(backendId),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.stop(id).catch(() => undefined)));
  }

  /** One delivery into the store: its events once each, its device results replacing older ones; the new ones announced. */
  private store(backendId: BackendId, siteId: number, delivery: PushDelivery): { added: number; refused: ReturnType<EventsTable['add']>['refused'] } {
    const { added, refused } = this.events.add(backendId, 'push', delivery.events);
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
