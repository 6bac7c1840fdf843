// What `npm run demo` starts, as one function: the ZKBio, Hongtu, K30 and Zhejiang platform simulators on loopback
// addresses, the core on a data folder with the demo's site, and the web UI. scripts/demo.ts prints
// where everything is; test/e2e/demo/demo-day.test.ts follows the README's demo day against it.
import { call } from '../electron/cli/call.ts';
import { createCore } from '../electron/core/create-core.ts';
import type { Core } from '../electron/core/create-core.ts';
import { startWebServer } from '../electron/server/web-server.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../test/simulators/hongtu/server.ts';
import { startK30Simulator, type K30Simulator } from '../test/simulators/k30/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../test/simulators/zkbio/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../test/simulators/zhejiang/server.ts';
import { DEFAULT_HTTPS_PORT, DEFAULT_TCP_PORT } from '../test/simulators/zhejiang/cli.ts';
import { localTimeZone } from '../shared/i18n/format-time.ts';
import { startGuardRoom, type GuardRoom } from './demo-guard-room.ts';

export const DEMO_ZKBIO_TOKEN = 'demo-token';
export const DEMO_SITE_NAME = 'Demo site 演示工地';
export const DEMO_SITE_ADDRESS = '演示路 1 号 / 1 Demo Road';

export interface Demo {
  zkbio: ZkbioSimulator;
  hongtu: HongtuSimulator;
  k30: K30Simulator;
  /** The Zhejiang real-name platform (TCP + HTTPS) a bridge connects to as the site's devices. */
  zhejiang: ZhejiangSimulator;
  core: Core;
  siteId: number;
  /** The whole link to open, with this run's access token after the #. */
  url: string;
  /** With the guard-room option: its backends and demo people. */
  guardRoom?: GuardRoom;
  close(): Promise<void>;
}

/** 127.0.0.2 / .3 / .4 where the OS has them (Linux), else 127.0.0.1 (macOS has only that by default); another free port when the demo's is taken. */
async function onLoopback<T>(start: (host: string, port: number) => Promise<T>, preferred: string, port: number): Promise<T> {
  try {
    return await start(preferred, port);
  } catch {
    try {
      return await start(preferred, 0);
    } catch {
      return start('127.0.0.1', 0);
    }
  }
}

export interface DemoOptions {
  dataDir: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The site made and selected; the demo's own by default. */
  site?: { name: string; address: string };
  /** The guard-room scenario (scripts/demo-guard-room.ts): the simulators as backends, receivers, demo people and traffic. */
  guardRoom?: boolean | { trafficIntervalMs?: number };
}

export async function startDemo({ dataDir, staticDir, site: siteOptions = { name: DEMO_SITE_NAME, address: DEMO_SITE_ADDRESS }, guardRoom }: DemoOptions): Promise<Demo> {
  const zkbio = await onLoopback((host, port) => startZkbioSimulator({ host, port, token: DEMO_ZKBIO_TOKEN }), '127.0.0.2', 8098);
  const hongtu = await onLoopback((host, port) => startHongtuSimulator({ host, port }), '127.0.0.3', 18082);
  // K30 at the port its software answers on by default, for the Scan page to find and "Add as backend".
  const k30 = await onLoopback((host, port) => startK30Simulator({ host, port }), '127.0.0.4', 8080);
  // The Zhejiang platform: TCP and HTTPS (a certificate made now: pin the fingerprint the banner prints).
  const zhejiang = await onLoopback((host, port) => startZhejiangSimulator({ host, tcpPort: port, httpsPort: port === 0 ? 0 : DEFAULT_HTTPS_PORT }), '127.0.0.5', DEFAULT_TCP_PORT);

  // The Scan page starts with the simulators' addresses and no LAN subnet ticked: the demo never
  // sends a packet beyond this computer unless you tick one.
  const simulatorHosts = [...new Set([zkbio, hongtu, k30].map((sim) => new URL(sim.url).hostname))].sort();
  const core = createCore({ dataDir, runtime: 'node', scanSuggestion: { targets: simulatorHosts.join(' '), tickLan: false } });
  // The site in this computer's zone: the demo's times read as the clock on the wall.
  const site = await call(core, 'sites.create', { name: siteOptions.name, timeZone: localTimeZone() });
  await call(core, 'sites.setAddress', { id: site.id, address: siteOptions.address });
  await call(core, 'sites.select', { id: site.id });
  const web = await startWebServer({ core, staticDir });
  const room = guardRoom ? await startGuardRoom(core, site.id, { zkbio, hongtu, k30 }, guardRoom === true ? {} : guardRoom) : undefined;
  // The background work, as the web server runs it (electron/server/main.ts): sync, the receivers,
  // the event pipeline, door states and the enabled platform bridges (a bridge added later on the
  // Bridge page starts at once).
  await core.startBackground();

  return {
    zkbio,
    hongtu,
    k30,
    zhejiang,
    core,
    siteId: site.id,
    url: web.url,
    ...(room ? { guardRoom: room } : {}),
    async close() {
      room?.stop();
      await web.close();
      await core.close();
      await Promise.all([zkbio.close(), hongtu.close(), k30.close(), zhejiang.close()]);
    },
  };
}
