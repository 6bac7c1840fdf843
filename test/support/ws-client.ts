import WebSocket from 'ws';
import type { ClientFrame, Reply, ServerFrame } from '../../shared/contract/wire.ts';

/** A client frame before the client numbers it (distributes over the union). */
type UnnumberedFrame = ClientFrame extends infer F ? (F extends unknown ? Omit<F, 'id'> : never) : never;

/** A test client of the WebSocket transport that speaks the wire protocol by hand. */
export class WsTestClient {
  readonly events: { event: string; payload: unknown }[] = [];
  private readonly socket: WebSocket;
  private readonly waiting = new Map<number | null, (reply: Reply) => void>();
  /** Settles when the server (or we) closed the connection. */
  readonly closed: Promise<void>;
  private nextId = 1;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === 'event') {
        this.events.push({ event: frame.event, payload: frame.payload });
      } else {
        const settle = this.waiting.get(frame.id);
        this.waiting.delete(frame.id);
        settle?.(frame.reply);
      }
    });
  }

  /** `protocols`: the subprotocols to offer (the page offers `doorman` and `doorman.token.<token>`). */
  static connect(url: string, headers: Record<string, string> = {}, protocols: string[] = []): Promise<WsTestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocols, { headers });
      socket.once('open', () => resolve(new WsTestClient(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Sends raw text and waits for the reply carrying `expectId` (null for unreadable frames). */
  sendRaw(text: string, expectId: number | null): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiting.set(expectId, resolve);
      this.socket.send(text);
    });
  }

  send(frame: UnnumberedFrame): Promise<Reply> {
    const id = this.nextId++;
    return this.sendRaw(JSON.stringify({ ...frame, id }), id);
  }

  invoke(method: string, input: unknown): Promise<Reply> {
    return this.send({ type: 'invoke', method, input });
  }

  async waitForEvents(count: number, timeoutMs = 2_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > until) throw new Error(`saw ${this.events.length} events, wanted ${count}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The subprotocol the server answered with ('' when none was offered). */
  get protocol(): string {
    return this.socket.protocol;
  }

  close(): void {
    this.socket.close();
  }
}
