import type { Reply } from './wire.ts';

/**
 * What the Electron preload exposes on `window.doorman` through contextBridge: two functions and
 * nothing else. The main process validates every argument against the contract; the renderer's
 * client validates every reply and event payload.
 */
export interface DoormanBridge {
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export const IPC_CHANNELS = {
  invoke: 'doorman:invoke',
  subscribe: 'doorman:subscribe',
  unsubscribe: 'doorman:unsubscribe',
  event: 'doorman:event',
} as const;
