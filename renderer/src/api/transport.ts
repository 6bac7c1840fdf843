import type { Reply } from '../../../shared/contract/wire.ts';

/** How the client reaches the core. Two implementations, identical behaviour: IPC and WebSocket. */
export interface Transport {
  readonly kind: 'ipc' | 'websocket';
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
