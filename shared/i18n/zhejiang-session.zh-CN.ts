/**
 * 简体中文：浙江平台设备的 TCP 会话（issue 16 第 2 项）：连接为何中断、接下来会怎样。
 * 与 zhejiang-session.en.ts 键相同；展开到 zh-CN.ts（顶层）。
 */
export const zhejiangSessionZhCN = {
  zhejiangSession: {
    connectFailed: 'Doorman 无法打开到浙江平台 {{address}} 的 TCP 连接（{{reason}}）。它会自动重试，间隔逐渐加长；请检查平台的 TCP 地址和端口，以及本机能否访问它。',
    dropped: '浙江平台关闭了 TCP 连接。Doorman 会自动重连并重新认证；如果反复出现，请检查网络，并向平台运营方确认设备是否已登记。',
    timeout: '浙江平台在 {{seconds}} 秒内没有回复 {{apicode}}。Doorman 已关闭连接并会自动重连；如果反复出现，说明平台负载过高，或“高级”中的字段编号与平台不一致。',
    offline: '设备 {{sn}} 目前未连接到浙江平台（{{status}}）。记录仍在队列中，设备重新在线后发送。',
    revoked: '设备 {{sn}} 已停止：浙江平台吊销了认证密钥（401_02）。请向平台运营方索取新的 accessId、accessKey 和 accessSecret，填入后重新启动桥接。',
    stopped: '设备 {{sn}} 的会话在收到回复前已停止。记录仍在队列中。',
  },
};
