import type { historyEn } from './history.en.ts';

/** History 页面、导出和 `events list` 的中文文本（与 history.en.ts 同键）。 */
export const historyZhCN: typeof historyEn = {
  history: {
    nav: '通行记录',
    title: '通行记录',
    intro: '本工地各后台上报、由 Doorman 保存的全部事件。时间为 {{zone}}。',
    noSite: '请先在“工地”页面选择一个工地。',
    filters: {
      from: '开始',
      to: '结束',
      backend: '后台',
      door: '门',
      kind: '类型',
      person: '人员（工号或姓名）',
      text: '文字',
      all: '全部',
      search: '查询',
    },
    columns: { time: '时间', backend: '后台', door: '门', direction: '方向', person: '人员', pin: '工号', mode: '验证方式', kind: '类型', event: '事件', reader: '读头', device: '设备', photo: '照片', eventId: '事件编号' },
    results: {
      empty: '没有符合条件的事件。请扩大时间范围或清除某个条件。',
      more: '显示更早的事件',
      count: '已显示 {{count}} 条事件',
    },
    day: {
      title: '日视图',
      date: '日期',
      show: '查看当天',
      door: '门',
      total: '合计',
      allDoors: '所有门',
      kinds: '按类型',
      empty: '当天没有事件。',
      print: '打印当天记录',
      printTitle: '通行记录 — {{site}} — {{date}}',
      printTimes: '时间为 {{zone}}。打印于 {{printed}}。',
    },
    export: { csv: '导出 CSV', xlsx: '导出 XLSX', done: '已导出 {{count}} 条事件到 {{file}}。' },
    directions: { in: '进', out: '出' },
    errors: { loadFailed: '无法读取通行记录：{{error}}' },
  },
};
