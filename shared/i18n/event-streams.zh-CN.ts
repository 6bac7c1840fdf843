/** 简体中文：事件管道的文本（问题 15 第 1 项）。键与 event-streams.en.ts 相同；展开到 zh-CN.ts。 */
export const eventStreamsZhCN = {
  eventStreams: {
    state: { connected: '已连接', polling: '轮询中', stale: '中断', offline: '离线' },
    reason: {
      unreachable: '无法连接后台。请检查其是否开机、网络是否通畅；Doorman 会持续重试，恢复后补读遗漏的事件。',
      timeout: '后台未及时应答。Doorman 会持续重试，恢复应答后补读遗漏的事件。',
      badReply: '后台返回了 Doorman 无法读取的内容。Doorman 会持续重试；如持续出现，请检查后台版本和地址。',
      credentials: '后台拒绝了 Doorman 的凭据。请在后台页面更正；更正前不会读取事件。',
      other: '读取事件失败：{{message}}。Doorman 会持续重试。',
      offline: '已 {{minutes}} 分钟无应答。{{detail}}',
      pollOnly: '推送接收器未运行：每 {{seconds}} 秒轮询读取事件。启动接收器可实时接收事件。',
      notWatched: '未监视：只监视当前站点的后台。选择此站点即可监视。',
      resubscribed: '平台丢失了 Doorman 的推送订阅（可能已重启）：已重新注册。',
    },
    watch: {
      line: '{{time}}  {{backend}}  {{source}}  {{door}}  {{person}}  {{result}}',
      state: '{{time}}  {{backend}}  事件流{{state}}{{reason}}',
      started: '正在查看站点 {{site}} 的事件（{{count}} 个后台）。按 Ctrl+C 停止。',
      noSite: '未选择站点：请使用 --site <id> 或先选择站点。',
    },
  },
};
