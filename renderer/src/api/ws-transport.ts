import { ServerFrameSchema, WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type ClientFrame, type Reply } from '../../../shared/contract/wire.ts';
import { pageToken } from './page-token.ts';
import type { Transport } from './transport.ts';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

function closedReply(): Reply {
  return {
    ok: false,
    error: { code: 'transport_closed', message: 'The connection to the Doorman core was lost.' },
  };
}

function noTokenReply(): Reply {
  return {
    ok: false,
    error: { code: 'unauthorized', message: 'This page was opened without its access token: open the full link that `npm run web` printed.' },
  };
}

/**
 * The WebSocket transport, for the renderer served by the core's local web server. The page
 * presents the run's token (see page-token.ts) as a subprotocol it offers beside `doorman`, on the
 * upgrade to its own origin only; the browser adds our Origin. Without a token every call fails
 * with `unauthorized` at once. Reconnects by itself and re-subscribes; calls made while the link is
 * down wait for it, calls in flight when it drops (or made while the core cannot be reached at all)
 * fail with `transport_closed`.
 *
 * The URL and the token are read on first use, so building the transport touches neither
 * `location` nor the network (the client module can be imported by unit tests in Node).
 */
export function wsTransport(url?: string, token: () => string | null = pageToken): Transport {
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket | null> | null = null;
  let nextId = 1;
  let delay = RECONNECT_MIN_MS;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, (reply: Reply) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const disconnectListeners = new Set<() => void>();

  /** Resolves with the open socket, or null when this attempt failed (the core is not there). */
  function connect(): Promise<WebSocket | null> {
    if (open) return open;
    const presented = token();
    if (!presented) return Promise.resolve(null);
    open = new Promise<WebSocket | null>((resolve) => {
      let ws: WebSocket;
      try {
        ws = new WebSocket(url ?? defaultUrl(), [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${presented}`]);
      } catch {
        // A malformed URL (or a CSP refusal) throws synchronously; treat it as a failed attempt.
        open = null;
        resolve(null);
        return;
      }
      ws.addEventListener('open', () => {
        socket = ws;
        delay = RECONNECT_MIN_MS;
        for (const event of listeners.keys()) send(ws, { type: 'subscribe', id: nextId++, event });
        resolve(ws);
      });
      ws.addEventListener('message', (message) => onMessage(message.data));
      ws.addEventListener('close', () => {
        // Before 'open' this settles the waiting callers: without it a core that is not running
        // leaves every call hanging forever instead of failing with transport_closed.
        resolve(null);
        const wasOpen = socket === ws;
        socket = null;
        open = null;
        for (const settle of pending.values()) settle(closedReply());
        pending.clear();
        if (wasOpen) for (const listener of disconnectListeners) listener();
        scheduleReconnect();
      });
    });
    return open;
  }

  // Come back by itself: only if someone still needs the link (a subscriber), one timer at a time.
  function scheduleReconnect(): void {
    if (reconnectTimer !== null || listeners.size === 0) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (listeners.size > 0) void connect();
    }, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  }

  function send(ws: WebSocket, frame: ClientFrame): void {
    ws.send(JSON.stringify(frame));
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const frame = ServerFrameSchema.safeParse(parsed);
    if (!frame.success) return;
    if (frame.data.type === 'reply') {
      const id = frame.data.id;
      if (id === null) return;
      const settle = pending.get(id);
      pending.delete(id);
      settle?.(frame.data.reply);
    } else {
      for (const listener of listeners.get(frame.data.event) ?? []) listener(frame.data.payload);
    }
  }

  async function request(frame: ClientFrame): Promise<Reply> {
    if (!socket && !token()) return noTokenReply();
    const ws = socket ?? (await connect());
    if (!ws) return closedReply();
    return new Promise<Reply>((resolve) => {
      pending.set(frame.id, resolve);
      send(ws, frame);
    });
  }

  return {
    kind: 'websocket',
    invoke: (method, input) => request({ type: 'invoke', id: nextId++, method, input }),
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        // An open socket gets the subscribe now; otherwise the 'open' handler sends it for every
        // subscribed event (sending it here too would subscribe twice), and a failed attempt
        // keeps retrying from the 'close' handler while anyone is subscribed.
        if (socket) send(socket, { type: 'subscribe', id: nextId++, event });
        else void connect();
      }
      set.add(listener);
      return () => {
        const current = listeners.get(event);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) {
          listeners.delete(event);
          if (socket) send(socket, { type: 'unsubscribe', id: nextId++, event });
        }
      };
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => {
        disconnectListeners.delete(listener);
      };
    },
  };
}

function defaultUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}`;
}
