import type { K30Simulator } from '../../simulators/k30/server.ts';
import { WsTestClient } from '../../support/ws-client.ts';
import { startApp, type App } from './app.ts';
import { cliJson } from './cli.ts';

/** The app's API over its WebSocket, as the page talks to it. */
export function connectApi(app: App): Promise<WsTestClient> {
  return WsTestClient.connect(`${app.web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${app.web.token}` });
}

/** K30's callbacks on: the backend's receiver started (signs checked strictly) and the simulator calling its URL. */
export async function startK30Callbacks(api: WsTestClient, k30: K30Simulator, backendId = 1): Promise<string> {
  const started = await api.invoke('receivers.start', { backendId, host: '127.0.0.1', signCheck: 'strict' });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  const { url } = started.output as { url: string };
  k30.callbacks.configure({ url });
  return url;
}

/** A gate house with one K30 as backend 1 of site 1 ("K30 gate"), the app running and K30 calling back. */
export async function startK30GateHouse(dataDir: string, k30: K30Simulator): Promise<{ app: App; api: WsTestClient }> {
  await cliJson(dataDir, 'sites', 'add', 'Gate house');
  await cliJson(dataDir, 'sites', 'select', '1');
  await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--name', 'K30 gate', '--url', k30.url, '--company-no', k30.companyNo);
  const app = await startApp(dataDir);
  const api = await connectApi(app);
  await startK30Callbacks(api, k30);
  return { app, api };
}
