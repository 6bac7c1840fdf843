import type { BackendId } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { EventBus } from '../api/event-bus.ts';
import { toApiError } from '../backends/driver-errors-to-api.ts';
import { isPushSubscriber, vendorModule } from '../backends/vendors.ts';
import type { Logger } from '../log/logger.ts';
import { localAddressFacing } from './local-address.ts';
import { startPushReceiver, type PushReceiver, type PushStats } from './push-receiver.ts';
import type { EventsTable } from '../store/events-table.ts';
import type { BackendsService } from '../backends/backends-service.ts';

interface ReceiverStatus {
  readonly running: boolean;
  readonly url: string | null;
  readonly stats: PushStats | null;
  readonly stored: number;
}

/**
 * Push receivers for backends that push (Hongtu): one HTTP endpoint per backend, registered with
 * the backend on start and unregistered on stop; what arrives is validated, stored once, announced.
 */
export class ReceiversService {
  private readonly running = new Map<BackendId, PushReceiver>();
  private readonly backends: BackendsService;
  private readonly events: EventsTable;
  private readonly bus: EventBus;
  private readonly log: Logger;

  constructor(deps: { backends: BackendsService; events: EventsTable; bus: EventBus; log: Logger }) {
    this.backends = deps.backends;
    this.events = deps.events;
    this.bus = deps.bus;
    this.log = deps.log;
  }

  async start(backendId: BackendId, where: { host?: string | undefined; port?: number | undefined } = {}): Promise<{ url: string }> {
    const existing = this.running.get(backendId);
    if (existing) return { url: existing.url };
    const backend = this.backends.get(backendId);
    const push = (await vendorModule(backend.vendor))?.push;
    const driver = await this.backends.driverOf(backendId);
    if (!push || !isPushSubscriber(driver)) {
      throw new ApiError('backend_unsupported', `${backend.vendor} does not push records.`, {
        advice: { en: `${backend.vendor} does not push records; Doorman polls it instead.`, 'zh-CN': `${backend.vendor} 不推送记录；Doorman 改为轮询。` },
      });
    }
    const target = new URL(backend.baseUrl);
    // Default: the interface this computer reaches the backend through (the backend must reach us back).
    const host = where.host ?? (await localAddressFacing(target.hostname, Number(target.port || (target.protocol === 'https:' ? 443 : 80))));
    const receiver = await startPushReceiver({
      host,
      ...(where.port !== undefined ? { port: where.port } : {}),
      parse: push.parse,
      store: (events) => {
        const { added, refused } = this.events.add(backendId, 'push', events);
        if (added.length > 0) this.bus.emit('events.received', { backendId, events: added });
        return { added: added.length, refused };
      },
      acknowledgement: push.acknowledgement,
      log: this.log,
    });
    try {
      await driver.subscribe(receiver.url);
    } catch (error) {
      await receiver.close();
      throw toApiError(error);
    }
    this.running.set(backendId, receiver);
    this.log.info({ backend: backendId, host, port: receiver.port }, 'push receiver registered');
    return { url: receiver.url };
  }

  async stop(backendId: BackendId): Promise<{ stopped: boolean }> {
    const receiver = this.running.get(backendId);
    this.running.delete(backendId);
    const driver = await this.backends.driverOf(backendId);
    try {
      if (isPushSubscriber(driver)) await driver.unsubscribe();
    } catch (error) {
      if (!receiver) throw toApiError(error);
      this.log.warn({ backend: backendId, err: error }, 'unsubscribe failed; closing the receiver anyway');
    } finally {
      await receiver?.close();
    }
    return { stopped: receiver !== undefined };
  }

  status(backendId: BackendId): ReceiverStatus {
    const receiver = this.running.get(backendId);
    return {
      running: receiver !== undefined,
      url: receiver?.url ?? null,
      stats: receiver ? { ...receiver.stats } : null,
      stored: this.events.count(backendId),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.stop(id).catch(() => undefined)));
  }
}
