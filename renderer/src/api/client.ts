import {
  ApiError,
  events,
  methods,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/contract/index.ts';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ipcTransport } from './ipc-transport.ts';
import type { Transport } from './transport.ts';
import { wsTransport } from './ws-transport.ts';

/**
 * The renderer's only way to the core. Typed by the contract; replies and events are validated
 * with the same schemas the core used, so a page never sees a shape the contract does not promise.
 * It picks the Electron bridge when the preload provided one, the WebSocket otherwise.
 */
export class ApiClient {
  private readonly transport: Transport;
  private readonly failureListeners = new Set<(error: ApiError) => void>();

  constructor(transport: Transport) {
    this.transport = transport;
  }

  get transportKind(): Transport['kind'] {
    return this.transport.kind;
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    let reply: Reply;
    try {
      reply = await this.transport.invoke(method, input);
    } catch (error) {
      // The transport itself failed (e.g. no IPC handler in the main process): no core to talk to.
      const message = error instanceof Error ? error.message : String(error);
      throw this.failed(new ApiError('transport_closed', `Could not reach the Doorman core: ${message}`));
    }
    if (!reply.ok) throw this.failed(ApiError.fromBody(reply.error));
    const output = methods[method].output.safeParse(reply.output);
    if (!output.success) {
      throw this.failed(
        new ApiError('internal', `The reply to ${method} did not match the contract.`, { method }),
      );
    }
    return output.data as MethodOutput<M>;
  }

  /**
   * Hear about every failed call, whoever made it. The connection store uses this to notice that
   * the core went away (`transport_closed`) without each store having to report it.
   */
  onFailure(listener: (error: ApiError) => void): () => void {
    this.failureListeners.add(listener);
    return () => {
      this.failureListeners.delete(listener);
    };
  }

  /** Hear when the link to the core drops (WebSocket only; a no-op on IPC). */
  onDisconnect(listener: () => void): () => void {
    return this.transport.onDisconnect?.(listener) ?? (() => {});
  }

  private failed(error: ApiError): ApiError {
    for (const listener of this.failureListeners) listener(error);
    return error;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.subscribe(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  }
}

function createApiClient(): ApiClient {
  return new ApiClient(ipcTransport() ?? wsTransport());
}

/** The app's one client. */
export const api = createApiClient();
