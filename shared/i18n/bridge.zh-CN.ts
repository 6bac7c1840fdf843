/**
 * 简体中文：实名制平台桥接的配置（issue 16 第 2、6 项）：命令行 `bridge …` 的输出、错误与校验信息。
 * 键与 bridge.en.ts 相同；并入 zh-CN.ts。
 */
export const bridgeZhCN = {
  bridge: {
    cli: {
      plainHttp: '警告：{{url}} 是不加密的 http:// 地址，工人资料和平台应答将以明文传输。仅可用于测试平台；正式平台的地址以 https:// 开头。',
      none: '尚未添加桥接。添加：bridge add --site <工地编号> --tcp <主机:端口> --url <https 地址> --access-id … --access-key … --access-secret …',
      row: '{{id}}  {{name}}  工地 {{site}}  tcp {{tcp}}  {{url}}  tls {{tls}}  {{enabled}}  凭据：{{credentials}}',
      enabled: '已启用',
      disabled: '已停用',
      noCredentials: '未设置',
      deviceAdded: '设备 {{sn}}（#{{id}}）已加入桥接 {{bridge}}，对应：{{doors}}。',
      noDoors: '尚无门',
      devicesNone: '桥接 {{bridge}} 尚无设备。添加：bridge device add {{bridge}} --sn <在平台登记的设备号> --door <后台编号>:<门编号>',
      deviceRow: '#{{id}}  {{sn}}  {{doors}}',
      doorRef: '{{backend}}:{{door}}（{{name}}）',
      deviceRemoved: '设备 #{{id}} 已从桥接 {{bridge}} 移除。',
      tasksNone: '桥接 {{bridge}} 尚未收到任务。',
      taskRow: '{{time}}  {{sn}}  {{taskid}}  {{apicode}}  {{state}}{{page}}{{error}}',
      queueSummary: '桥接 {{bridge}}：{{depth}} 条考勤记录待上报{{oldest}}。',
      queueOldest: '，最早一条为 {{time}}',
      queueDevice: '  {{sn}}：{{depth}}',
      queueFailedHeader: '上报失败的记录（会自动重试；最后一次错误）：',
      queueFailedRow: '  {{time}}  {{sn}}  人员 {{person}}  尝试 {{attempts}} 次  {{error}}',
      removed: '桥接 {{id}} 已删除。',
    },
  },
};

export const bridgeErrorsZhCN = {
  bridge_not_found: '没有编号为 {{id}} 的桥接。可用“bridge list”查看桥接列表。',
  bridge_device_not_found: '桥接 {{bridgeId}} 没有设备 #{{deviceId}}。可用“bridge device list {{bridgeId}}”查看其设备。',
  bridge_sn_taken: '桥接 {{bridgeId}} 已有设备 {{sn}}。每个设备号只能添加一次；如需重新对应门，请先移除该设备。',
  bridge_door_unknown: '后台 {{backendId}} 的门 {{doorId}} 不在工地 {{siteId}} 已保存的设备清单中。请用“doors list --site {{siteId}}”核对编号，或重新读取该后台的清单（backend inventory {{backendId}}）。',
  bridge_door_taken: '后台 {{backendId}} 的门 {{doorId}} 已对应本桥接的设备 {{sn}}：一次通行只从一台设备上报。请先在那台设备上移除它。',
  bridge_level_unknown: '后台 {{backendId}} 的权限组 {{accessLevelId}} 不在工地 {{siteId}} 已保存的设备清单中。请用“backend inventory {{backendId}}”核对编号（新建的权限组请先重新读取清单），然后重新设置。',
  bridge_running_elsewhere: '桥接 {{bridgeId}} 已在{{where}}运行（{{host}} 上的进程 {{pidText}}），自 {{sinceLocal}} 起。同一桥接同时只能由一个进程运行，否则每台设备会有两个会话、每个任务会执行两次：请关闭桌面应用，或在另一个终端停止“bridge run”（Ctrl+C），然后重试。',
  bridge_settings_invalid: '桥接设置无法使用：{{problems}}。字段编号须为 1 至 536870911 的整数（不含 19000–19999），同一消息内不得重复；各开关只能取列出的值。',
};

export const bridgeValidationZhCN = {
  bridgeTcpAddress: '请按“主机:端口”填写平台的 TCP 地址，例如 10.0.0.5:9000。',
  bridgeUrl: '请填写平台的 HTTPS 地址，以 https:// 开头（http:// 仅用于测试平台）。',
  bridgeSn: '请填写在平台登记的设备号（sn）：1 至 64 个字符，不含空格。',
};
