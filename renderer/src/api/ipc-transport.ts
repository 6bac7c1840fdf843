import type { DoormanBridge } from '../../../shared/contract/bridge.ts';
import type { Transport } from './transport.ts';

declare global {
  interface Window {
    doorman?: DoormanBridge;
  }
}

/** The Electron transport: the preload's bridge, present only inside the desktop app. */
export function ipcTransport(): Transport | null {
  // Guarded so importing the client outside a browser (unit tests in Node) does not throw.
  const bridge = typeof window === 'undefined' ? undefined : window.doorman;
  if (!bridge) return null;
  return {
    kind: 'ipc',
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  };
}
