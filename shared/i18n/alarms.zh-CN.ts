import { ALARM_NOTE_MAX } from '../contract/alarms.ts';

/** 简体中文：值班室报警（issue 15 item 3）。与 alarms.en.ts 键相同。 */
export const alarmsZhCN = {
  alarms: {
    count_one: '{{count}} 条未确认报警',
    count_other: '{{count}} 条未确认报警',
    countNone: '没有未确认的报警',
    bannerTitle: '报警：{{what}}',
    bannerMore: '另有 {{count}} 条未确认',
    repeats_one: '此后又发生 {{count}} 次，最近一次 {{time}}',
    repeats_other: '此后又发生 {{count}} 次，最近一次 {{time}}',
    repeatsShort: '×{{count}}',
    at: '{{backend}} · {{door}} · {{time}}',
    noDoor: '无门',
    acknowledge: '确认',
    note: '备注（可选）',
    notePlaceholder: '看到了什么，做了什么',
    acknowledged: '报警已确认。',
    mute: '关闭报警声音',
    unmute: '打开报警声音',
    soundOn: '声音开',
    soundOff: '声音关',
    cliNone: '没有报警。',
    cliLine: '#{{id}}  {{time}}  {{class}}  {{backend}}  {{door}}  {{person}}  {{reason}}  {{state}}',
    cliOpen: '未确认',
    cliAcked: '由 {{by}} 于 {{at}} 在 {{station}} 确认{{note}}',
    cliAckedOne: '报警 #{{id}} 已由 {{by}} 于 {{at}} 在 {{station}} 确认。',
    cliNoSite: '未选择工地：请用 --site <id> 指定，或先用 `sites select` 选择。',
    settings: {
      title: '值班室',
      guardName: '值班保安',
      guardNameHint: '你在本机确认的每条报警都会记录此姓名（以及本机名称）。',
      threshold: '多次拒绝通行：次数',
      window: '多次拒绝通行：分钟内',
      ruleHint: '同一道门在这些分钟内被拒绝通行达到此次数，即触发“多次拒绝通行”报警。',
      saved: '值班室设置已保存。',
    },
    classes: {
      'door-forced': '门被强行打开',
      'held-open': '开门超时',
      duress: '胁迫',
      tamper: '防拆',
      fire: '消防',
      stranger: '陌生人',
      'denied-repeated': '多次拒绝通行',
      'backend-offline': '后台离线',
      'other-alarm': '报警',
    },
  },
};

export const alarmsErrorsZhCN = {
  alarm_not_found: '没有编号为 {{id}} 的报警。请刷新列表：它可能属于另一个工地。',
  alarm_already_acknowledged: '此报警已由 {{by}} 于 {{at}} 确认，无需再操作。',
};

export const alarmsValidationZhCN = {
  alarm_note_too_long: `备注太长：最多 ${ALARM_NOTE_MAX} 个字符。`,
};
