import { ApiError, isEventName, type EventName } from '../../shared/contract/index.ts';
import type { Reply } from '../../shared/contract/wire.ts';
import type { Dispatch } from './dispatcher.ts';
import type { EventBus } from './event-bus.ts';

/**
 * One connected client (a WebSocket, an Electron window): its calls and its subscriptions. Both
 * transports are thin wrappers around this, which is what makes their behaviour identical.
 */
export interface ApiSession {
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(event: string): Reply;
  unsubscribe(event: string): Reply;
  close(): void;
}

export function createApiSession(
  dispatch: Dispatch,
  bus: EventBus,
  push: (event: EventName, payload: unknown) => void,
): ApiSession {
  const subscribed = new Set<EventName>();
  const stop = bus.listen((event, payload) => {
    if (subscribed.has(event)) push(event, payload);
  });

  function check(event: string): EventName | Reply {
    if (isEventName(event)) return event;
    const error = new ApiError('unknown_event', `Unknown event "${event}".`, { event: event.slice(0, 200) });
    return { ok: false, error: error.toBody() };
  }

  return {
    invoke: dispatch,
    subscribe(event) {
      const name = check(event);
      if (typeof name !== 'string') return name;
      subscribed.add(name);
      return { ok: true, output: null };
    },
    unsubscribe(event) {
      const name = check(event);
      if (typeof name !== 'string') return name;
      subscribed.delete(name);
      return { ok: true, output: null };
    },
    close() {
      subscribed.clear();
      stop();
    },
  };
}
