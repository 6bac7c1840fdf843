// `npm run demo`: Doorman against simulated backends on this computer, for trying the whole
// installer flow without hardware. Starts the ZKBio, Hongtu and K30 simulators on loopback addresses, a
// fresh data folder (.data/demo) with a site, and the web UI; prints where everything is.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONSOLE_HELP, startDemoConsole } from './demo-console.ts';
import { DEMO_ZKBIO_TOKEN as ZKBIO_TOKEN, startDemo } from './demo-setup.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}.data/demo`;

rmSync(dataDir, { recursive: true, force: true });
const demo = await startDemo({ dataDir, staticDir: `${root}out/renderer` });
const { zkbio, hongtu, k30 } = demo;
const web = { url: demo.url };

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
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
