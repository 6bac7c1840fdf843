import type { Reply } from '../../../shared/contract/wire.ts';

/** How the client reaches the core. Two implementations, identical behaviour: IPC and WebSocket. */
export interface Transport {
  readonly kind: 'ipc' | 'websocket';
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * Hear when an established link drops (the core stopped, the network went away). Optional:
   * the IPC bridge cannot drop while the window lives.
   */
  onDisconnect?(listener: () => void): () => void;
}
