/**
 * 简体中文：浙江实名制平台设备的 HTTPS 任务调用（issue 16 第 2–3 项）。键与 zhejiang-https.en.ts 相同；展开进 zh-CN.ts（顶层）。
 */
export const zhejiangHttpsZhCN = {
  zhejiangHttps: {
    httpStatus: '浙江实名制平台的地址对 {{apicode}} 返回了 HTTP {{status}}，而不是平台自己的应答。Doorman 会以逐渐加长的间隔重试；若持续出现，请检查 HTTPS 地址（应以平台的接口路径结尾），或告知平台运维其网关故障。',
    timeout: '浙江实名制平台在 {{seconds}} 秒内没有应答 {{apicode}}。Doorman 稍后会自动重试；若反复出现，说明平台过载，或 HTTPS 地址指向了一个从不应答的服务。',
    tooLarge: '浙江实名制平台对 {{apicode}} 的应答超过 {{max}} 字节，Doorman 已停止读取。请检查 HTTPS 地址；若地址正确，请告知平台运维（一页人员数据应远小于此）。',
    network: 'Doorman 无法连接浙江实名制平台的 HTTPS 地址以调用 {{apicode}}（{{reason}}）。稍后会自动重试；请检查地址、网络，以及 HTTPS 的证书信任（固定平台证书指纹）。',
    noToken: '设备 {{sn}} 还没有浙江实名制平台的 token：必须先通过 TCP 认证（C_AUTH），才能拉取或上报任务。设备会话运行时 Doorman 会自动认证。',
    lenientJson: '浙江实名制平台对 {{apicode}} 的应答不是严格的 JSON（{{quirks}}）；Doorman 已按宽松方式读取。',
  },
};
