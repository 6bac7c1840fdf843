import type { liveEn } from './live.en.ts';

/** 实时页面与页头事件流状态的中文文本（键与 live.en.ts 相同）。 */
export const liveZhCN: typeof liveEn = {
  live: {
    nav: '实时',
    title: '实时',
    intro: '本工地各后台的事件到达即显示，最新在前。时间为 {{zone}}。更早的事件请到“通行记录”页面查看。',
    noSite: '请先在“站点”页面选择一个站点。',
    pause: '暂停',
    resume: '继续',
    newEvents_one: '{{count}} 条新事件 — 显示',
    newEvents_other: '{{count}} 条新事件 — 显示',
    shown: '显示 {{count}} 条事件',
    empty: '暂无事件。后台发来事件后会显示在这里。',
    emptyFiltered: '没有符合筛选条件的事件。请清除某个筛选条件。',
    older: '显示更早的事件',
    filters: { backend: '后台', door: '门', result: '结果', alarmOnly: '仅报警', person: '人员（工号或姓名）', search: '搜索', all: '全部', clear: '清除筛选' },
    results: { passed: '通过', denied: '拒绝', stranger: '陌生人', visitor: '访客', other: '其他' },
    directions: { in: '进', out: '出' },
    columns: { time: '时间', door: '门', direction: '方向', person: '人员', mode: '验证方式', result: '结果', photos: '登记照 / 抓拍照' },
    enrolled: '登记照片',
    captured: '抓拍照片',
    noPhoto: '无照片',
    photosTitle: '{{person}} 的照片',
    close: '关闭',
  },
  streams: {
    label: '事件流',
    none: '没有后台',
    states: { connected: '已连接', polling: '轮询中', stale: '延迟', offline: '离线' },
    since: '自 {{time}} 起',
    lastOk: '上次成功读取：{{time}}',
    retry: '下次尝试：{{time}}',
    channel: { push: '通道：推送', monitor: '通道：实时监控', poll: '通道：事件列表（轮询）' },
    allWell: '工作正常。',
  },
};
