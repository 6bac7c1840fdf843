// `npm run demo`: Doorman against simulated backends on this computer, for trying the whole
// installer flow without hardware. Starts the ZKBio, Hongtu and K30 simulators on loopback addresses, a
// fresh data folder (.data/demo) with a site, and the web UI; prints where everything is.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call } from '../electron/cli/call.ts';
import { createCore } from '../electron/core/create-core.ts';
import { startWebServer } from '../electron/server/web-server.ts';
import { CONSOLE_HELP, startDemoConsole } from './demo-console.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../test/simulators/hongtu/server.ts';
import { startK30Simulator, type K30Simulator } from '../test/simulators/k30/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../test/simulators/zkbio/server.ts';
import { localTimeZone } from '../shared/i18n/format-time.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}.data/demo`;
const ZKBIO_TOKEN = 'demo-token';

/** 127.0.0.2 / .3 where the OS has them (Linux), else 127.0.0.1 (macOS has only that by default). */
async function onLoopback<T>(start: (host: string) => Promise<T>, preferred: string): Promise<T> {
  try {
    return await start(preferred);
  } catch {
    return start('127.0.0.1');
  }
}

rmSync(dataDir, { recursive: true, force: true });
const zkbio: ZkbioSimulator = await onLoopback((host) => startZkbioSimulator({ host, port: host === '127.0.0.1' ? 0 : 8098, token: ZKBIO_TOKEN }), '127.0.0.2');
const hongtu: HongtuSimulator = await onLoopback((host) => startHongtuSimulator({ host, port: host === '127.0.0.1' ? 0 : 18082 }), '127.0.0.3');
// K30 has no Doorman driver yet: it is here for the Scan page to find and name.
const k30: K30Simulator = await onLoopback((host) => startK30Simulator({ host, port: host === '127.0.0.1' ? 0 : 8080 }), '127.0.0.4');

// The Scan page starts with the simulators' addresses and no LAN subnet ticked: the demo never
// sends a packet beyond this computer unless you tick one.
const simulatorHosts = [...new Set([zkbio, hongtu, k30].map((sim) => new URL(sim.url).hostname))].sort();
const core = createCore({ dataDir, runtime: 'node', scanSuggestion: { targets: simulatorHosts.join(' '), tickLan: false } });
// The site in this computer's zone: the demo's times read as the clock on the wall.
const site = await call(core, 'sites.create', { name: 'Demo site 演示工地', timeZone: localTimeZone() });
await call(core, 'sites.setAddress', { id: site.id, address: '演示路 1 号 / 1 Demo Road' });
await call(core, 'sites.select', { id: site.id });
const web = await startWebServer({ core, staticDir: `${root}out/renderer` });
core.sync.start();

process.stdout.write(`
Doorman demo — simulated backends on this computer / 演示：本机模拟后台

  Open the whole link / 打开完整链接:  ${web.url}
  (the part after # is this run's access token; the page keeps it in its tab and sends it to no other server)
  （# 之后是本次运行的访问令牌；页面只把它保存在本标签页中，不会发给其他服务器）

  Scan page / “扫描”页面:  the simulators' addresses are filled in and no LAN subnet is ticked: Start scan
                          已填好模拟系统的地址，未勾选局域网网段：点“开始扫描” (K30: ${k30.url})

  On the Backends page, add / 在“后台”页面添加 (or “Add as backend” from a scan result / 或在扫描结果中点“添加为后台”):
    ZKBio CVSecurity   URL ${zkbio.url}    token ${ZKBIO_TOKEN}
    Megvii Hongtu 2000 URL ${hongtu.url}   cappkey ${hongtu.appKey}   secretKey ${hongtu.secretKey}

  Then (README, "Try it"): Test connection → Inventory → (Hongtu) the set-up wizard → Enroll →
  Import → People → Sync → Door tests → Report.
  然后（见 README“试用”）：测试连接 → 清单 →（鸿图）设置向导 → 登记 → 导入 → 人员 → 同步 → 门测试 → 报告。

  Data / 数据: ${dataDir}     Ctrl+C stops everything / 按 Ctrl+C 全部停止。
`);

if (process.stdin.isTTY) {
  process.stdout.write(`\n${CONSOLE_HELP}`);
  startDemoConsole(zkbio, hongtu, (text) => process.stdout.write(text));
}

async function shutdown(): Promise<void> {
  await web.close();
  await core.close();
  await zkbio.close();
  await hongtu.close();
  await k30.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
