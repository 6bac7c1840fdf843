import type { reportEn } from './report.en.ts';

/** 报告签字栏、报告页签字人字段与工地地址的中文文本（键与 report.en.ts 相同）。 */
export const reportZhCN: typeof reportEn = {
  reportSignOff: {
    title: '验收签字',
    statement: '以下签字人确认：上述各门已在现场完成测试，结果如本报告所记录。',
    site: '工地',
    address: '工地地址',
    noAddress: '（未登记地址：请在此手写，或打印前在“工地”页填写）',
    timeZone: '时间所在时区',
    installer: '调试人员（安装方）',
    customer: '客户代表',
    name: '姓名',
    signature: '签字',
    date: '日期',
    fieldsTitle: '签字人',
    fieldsHint: '打印在签字线上方；留空则为空白线，可手写。不会保存，每次打印时填写。',
    installerField: '调试人员姓名',
    customerField: '客户代表姓名',
    addressMissing: '该工地还没有地址，报告中留有空白线。请在“工地”页填写。',
  },
  siteAddress: {
    label: '地址',
    placeholder: '例如：杭州市西湖区文三路88号',
    editLabel: '“{{name}}”的地址',
    edit: '编辑地址',
    save: '保存地址',
    cancel: '取消',
    none: '无地址',
    saved: '已保存“{{name}}”的地址。',
    cleared: '已清除“{{name}}”的地址。',
    cliSaved: '工地 {{id}} 的地址：{{address}}',
    cliCleared: '已清除工地 {{id}} 的地址',
  },
};
