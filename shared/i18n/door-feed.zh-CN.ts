/** 中文：实时页面中的门操作（issue 15 第 2 项）。键与 door-feed.en.ts 相同；合并进 zh-CN.ts。 */
export const doorFeedZhCN = {
  doorFeed: {
    kind: '门操作',
    causedBy: {
      open: '由 {{guard}} 在 {{station}} 从门面板开门，{{time}}',
      close: '由 {{guard}} 在 {{station}} 从门面板关门，{{time}}',
      'normally-open': '由 {{guard}} 在 {{station}} 从门面板设为常开，{{time}}',
      'normally-closed': '由 {{guard}} 在 {{station}} 从门面板设为常闭，{{time}}',
      normal: '由 {{guard}} 在 {{station}} 从门面板恢复正常，{{time}}',
    },
    by: '{{guard}}，{{station}}',
    noGuard: '值班员（“设置 → 值班室”中未填写姓名）',
    result: {
      started: '已发送，等待后台响应',
      ok: '已完成；后台尚未报告该门的事件',
      failed: '失败：{{reason}}',
    },
  },
};
