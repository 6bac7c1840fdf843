import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../../shared/contract/bridge.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { Reply } from '../../shared/contract/wire.ts';
import { createApiSession, type ApiSession } from '../api/session.ts';
import type { Core } from '../core/create-core.ts';
import { isAppUrl } from './window-options.ts';

/**
 * The Electron transport: one API session per window, reached through three invoke channels and
 * one event channel. Calls from any frame that is not our own page are refused.
 */
export function registerIpcBridge(core: Core, devServerUrl?: string): () => void {
  const sessions = new Map<number, ApiSession>();

  function sessionFor(contents: WebContents): ApiSession {
    let session = sessions.get(contents.id);
    if (!session) {
      const created = createApiSession(core.dispatch, core.bus, (event, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.event, event, payload);
      });
      session = created;
      sessions.set(contents.id, created);
      contents.once('destroyed', () => {
        created.close();
        sessions.delete(contents.id);
      });
    }
    return session;
  }

  function trusted(event: IpcMainInvokeEvent): boolean {
    const url = event.senderFrame?.url;
    return url !== undefined && isAppUrl(url, devServerUrl);
  }

  const refused: Reply = { ok: false, error: new ApiError('unauthorized', 'Refused: not our page.').toBody() };
  const notText: Reply = { ok: false, error: new ApiError('invalid_input', 'The name must be text.').toBody() };

  ipcMain.handle(IPC_CHANNELS.invoke, (event, method: unknown, input: unknown) => {
    if (!trusted(event)) return refused;
    if (typeof method !== 'string') return notText;
    return sessionFor(event.sender).invoke(method, input);
  });
  ipcMain.handle(IPC_CHANNELS.subscribe, (event, name: unknown) => {
    if (!trusted(event)) return refused;
    return typeof name === 'string' ? sessionFor(event.sender).subscribe(name) : notText;
  });
  ipcMain.handle(IPC_CHANNELS.unsubscribe, (event, name: unknown) => {
    if (!trusted(event)) return refused;
    return typeof name === 'string' ? sessionFor(event.sender).unsubscribe(name) : notText;
  });

  return () => {
    for (const channel of [IPC_CHANNELS.invoke, IPC_CHANNELS.subscribe, IPC_CHANNELS.unsubscribe]) ipcMain.removeHandler(channel);
    for (const session of sessions.values()) session.close();
    sessions.clear();
  };
}
