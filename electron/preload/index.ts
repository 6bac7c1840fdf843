// The sandboxed preload: exposes exactly two functions on window.doorman. No Node, no Electron
// objects reach the page; the main process validates every argument.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type DoormanBridge } from '../../shared/contract/bridge.ts';
import type { Reply } from '../../shared/contract/wire.ts';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_CHANNELS.event, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: DoormanBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.invoke, String(method), input) as Promise<Reply>,
  subscribe(event, listener) {
    const name = String(event);
    let set = listeners.get(name);
    if (!set) {
      set = new Set();
      listeners.set(name, set);
      void ipcRenderer.invoke(IPC_CHANNELS.subscribe, name);
    }
    set.add(listener);
    return () => {
      const current = listeners.get(name);
      if (!current?.delete(listener) || current.size > 0) return;
      listeners.delete(name);
      void ipcRenderer.invoke(IPC_CHANNELS.unsubscribe, name);
    };
  },
};

contextBridge.exposeInMainWorld('doorman', bridge);
