// What `npm run demo` prints when everything is up (scripts/demo.ts): the link to open, and each
// simulated backend's address and credentials as the Backends page asks for them, in English and
// Chinese. A function of what started, so test/integration/demo/demo-banner.test.ts can read it.

export interface BannerInput {
  /** The whole link to open, with the access token after the #. */
  readonly url: string;
  readonly dataDir: string;
  readonly zkbio: { readonly url: string; readonly token: string };
  readonly hongtu: { readonly url: string; readonly appKey: string; readonly secretKey: string };
  readonly k30: { readonly url: string; readonly companyNo: string };
  /** The Zhejiang real-name platform a bridge connects to (TCP address, HTTPS URL, credentials, admin token). */
  readonly zhejiang?: ZhejiangBannerInput;
  /** `--guard-room`: the backends are added and traffic runs; say what to watch. */
  readonly guardRoom?: boolean;
}

export interface ZhejiangBannerInput {
  readonly tcp: string;
  readonly url: string;
  readonly accessId: string;
  readonly accessKey: string;
  readonly accessSecret: string;
  readonly devices: readonly string[];
  readonly adminToken: string;
  readonly fingerprint256?: string | undefined;
}

function zhejiangLines(z: ZhejiangBannerInput): string {
  return `
  Zhejiang real-name platform / 浙江实名制物联平台 (for a bridge: Doorman as the site's attendance devices / 网桥：Doorman 作为工地考勤设备):
    TCP ${z.tcp}    HTTPS URL ${z.url}    device sn / 设备编号 ${z.devices.join(', ')}
    accessId ${z.accessId}   accessKey ${z.accessKey}   accessSecret ${z.accessSecret}
${z.fingerprint256 ? `    certificate (self-signed, pin it) / 证书（自签名，请固定指纹） SHA-256 ${z.fingerprint256}\n` : ''}    simulator admin / 模拟器管理 (/__sim, Bearer) ${z.adminToken}
`;
}

const GUARD_ROOM = `
  Guard room / 值班室 (--guard-room): the three simulators are this site's backends, their receivers run,
  three demo people are enrolled, and every few seconds the doors see passes, a stranger now and then,
  a refused card and sometimes an alarm (duress, fire). Watch:
  三个模拟系统已是本工地的后台，接收器已启动，已登记三位演示人员；每隔几秒门口就有通行记录，不时有陌生人、
  被拒的卡，偶尔有报警（胁迫、火警）。请看：
    Live page / “实时”页面:     each pass as it happens / 每条通行实时出现
    Alarms (header) / 报警（页眉）: the open alarms; Acknowledge with a note / 未处理的报警；填写备注后确认
    History / “通行记录”页面:    search, the day view, export / 搜索、按日查看、导出
    Visitors / “访客”页面:       register, arrived / left, check out / 登记、到访与离开、签离
`;

/** Without --guard-room: where the guard's scenario is. */
const GUARD_ROOM_HINT = `  The guard's day (Live, alarms, doors, visitors, with traffic): npm run demo -- --guard-room
  值班室演示（实时、报警、门、访客，带模拟通行）：npm run demo -- --guard-room
`;

export function demoBanner({ url, dataDir, zkbio, hongtu, k30, zhejiang, guardRoom = false }: BannerInput): string {
  return `
Doorman demo — simulated backends on this computer / 演示：本机模拟后台

  Open the whole link / 打开完整链接:  ${url}
  (the part after # is this run's access token; the page keeps it in its tab and sends it to no other server)
  （# 之后是本次运行的访问令牌；页面只把它保存在本标签页中，不会发给其他服务器）

  Scan page / “扫描”页面:  the simulators' addresses are filled in and no LAN subnet is ticked: Start scan
                          已填好模拟系统的地址，未勾选局域网网段：点“开始扫描”

  On the Backends page, add / 在“后台”页面添加 (or “Add as backend” from a scan result / 或在扫描结果中点“添加为后台”):
    ZKBio CVSecurity   URL ${zkbio.url}    token ${zkbio.token}
    Megvii Hongtu 2000 URL ${hongtu.url}   cappkey ${hongtu.appKey}   secretKey ${hongtu.secretKey}
    K30 门禁软件       URL ${k30.url}    company number / 企业编号 ${k30.companyNo}
${zhejiang ? zhejiangLines(zhejiang) : ''}
  Then (README, "Try it"): Test connection → Inventory → (Hongtu) the set-up wizard → Enroll →
  Import → People → Sync → Door tests → Report. K30: Add as backend with the company number →
  Test connection → Inventory → Door tests → Enroll (tick K30) → People.
  然后（见 README“试用”）：测试连接 → 清单 →（鸿图）设置向导 → 登记 → 导入 → 人员 → 同步 → 门测试 → 报告。
  K30：用企业编号添加为后台 → 测试连接 → 清单 → 门测试 → 登记（勾选 K30）→ 人员。

${guardRoom ? GUARD_ROOM : GUARD_ROOM_HINT}
  Data / 数据: ${dataDir}     Ctrl+C stops everything / 按 Ctrl+C 全部停止。
`;
}
