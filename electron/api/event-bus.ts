import { events, type EventName, type EventPayload } from '../../shared/contract/index.ts';

type EventListener = (event: EventName, payload: unknown) => void;

/**
 * Server-pushed events. Payloads are checked against the contract when emitted, so a transport
 * never forwards a shape the renderer would reject.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload);
    for (const listener of this.listeners) {
      try {
        listener(event, checked);
      } catch {
        // One broken subscriber (a closed socket) must not stop the others.
      }
    }
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
