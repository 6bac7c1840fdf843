/** 简体中文：值班室的门面板与 `doors` 命令（issue 15 item 2）。键与 doors.en.ts 相同。 */
export const doorsZhCN = {
  doors: {
    title: '门',
    none: '此工地还没有门。请在“后台”页面添加后台并读取其清单。',
    loadFailed: '无法读取门：{{reason}}',
    seconds: '秒',
    state: {
      open: '开',
      closed: '关',
      'held-open': '常开',
      'held-closed': '常闭',
      offline: '离线',
      alarm: '报警',
      unknown: '未知',
    },
    action: {
      open: '开门',
      close: '关门',
      'normally-open': '常开',
      'normally-closed': '常闭',
      normal: '恢复正常',
    },
    confirmTitle: '更改门的模式？',
    confirmText: '{{action}}：{{door}}（{{backend}}）。门将保持此状态，直到有人改回。',
    confirm: '是，更改',
    result: {
      started: '已发送…',
      ok: '成功',
      failed: '失败',
    },
    done: '{{action}}：{{door}} — 成功。',
    failed: '{{action}}：{{door}} — 失败：{{reason}}',
    logTitle: '最近的门操作',
    logNone: '还没有门操作。',
    logColumns: { time: '时间', station: '工作站', guard: '值班员', door: '门', action: '操作', result: '结果' },
    noGuard: '（未填写值班员）',
    cli: {
      header: '工地 {{site}} 的门：',
      row: '{{backend}}  {{door}}  {{name}}  {{state}}  [{{actions}}]',
      none: '工地 {{site}} 保存的清单中没有门。请先读取后台清单（backend inventory <id> --refresh）。',
      done: '后台 {{backend}} 的门 {{door}}：{{action}} 成功（审计 #{{id}}）。',
      logHeader: '工地 {{site}} 的门操作（最新在前）：',
      logRow: '{{time}}  {{station}}  {{guard}}  {{backend}}/{{door}}  {{action}}  {{result}}',
      logNone: '工地 {{site}} 还没有门操作。',
    },
  },
};

export const doorsErrorsZhCN = {
  door_action_unsupported: '此门所在的后台不能执行该操作（{{action}}）。{{adviceText}}',
};
