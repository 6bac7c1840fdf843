// `npm run demo`: Doorman against simulated backends on this computer, for trying the whole
// installer flow without hardware. Starts the ZKBio, Hongtu, K30 and Zhejiang platform simulators on loopback addresses, a
// fresh data folder (.data/demo) with a site, and the web UI; prints where everything is.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoBanner } from './demo-banner.ts';
import { CONSOLE_HELP, startDemoConsole } from './demo-console.ts';
import { DEMO_ZKBIO_TOKEN as ZKBIO_TOKEN, startDemo } from './demo-setup.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}.data/demo`;

// `--guard-room`: the simulators already added as the site's backends, receivers, demo people and traffic.
const { values } = parseArgs({ options: { 'guard-room': { type: 'boolean', default: false } } });
const guardRoom = values['guard-room'];

rmSync(dataDir, { recursive: true, force: true });
const demo = await startDemo({ dataDir, staticDir: `${root}out/renderer`, guardRoom });
const { zkbio, hongtu, k30, zhejiang } = demo;
const web = { url: demo.url };

process.stdout.write(
  demoBanner({
    url: web.url,
    dataDir,
    zkbio: { url: zkbio.url, token: ZKBIO_TOKEN },
    hongtu: { url: hongtu.url, appKey: hongtu.appKey, secretKey: hongtu.secretKey },
    k30: { url: k30.url, companyNo: k30.companyNo },
    zhejiang: { tcp: zhejiang.tcpAddress, url: zhejiang.apiUrl, accessId: zhejiang.accessId, accessKey: zhejiang.accessKey, accessSecret: zhejiang.accessSecret, devices: zhejiang.devices, adminToken: zhejiang.adminToken, fingerprint256: zhejiang.fingerprint256 },
    guardRoom,
  }),
);

if (process.stdin.isTTY) {
  process.stdout.write(`\n${CONSOLE_HELP}`);
  startDemoConsole({ zkbio, hongtu, zhejiang }, (text) => process.stdout.write(text));
}

async function shutdown(): Promise<void> {
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
