import type { peopleEn } from './people.en.ts';

/** 人员页面的中文文本（键与 people.en.ts 相同）。 */
export const peopleZhCN: typeof peopleEn = {
  people: {
    title: '人员',
    intro: '本工地已登记的全部人员。修改或删除人员会经同步队列下发到其所在的每个后台。',
    noSite: '请先在“工地”页面选择一个工地。',
    search: '按工号或姓名搜索',
    searchPlaceholder: '工号或姓名',
    empty: '本工地还没有登记人员。',
    noMatch: '没有符合搜索条件的人员。',
    columns: { pin: '工号', name: '姓名', idNumber: '身份证号', phone: '手机号', department: '部门', photo: '照片', targets: '后台', actions: '操作' },
    photoYes: '有',
    photoNo: '无',
    edit: '修改',
    editTitle: '修改 {{name}}',
    pinReadOnly: '工号是人员在各后台的标识，不能修改。',
    saving: '保存中…',
    saved_one: '已保存 {{name}}；已加入 {{count}} 条同步任务。',
    saved_other: '已保存 {{name}}；已加入 {{count}} 条同步任务。',
    confirmDeleteTitle: '删除人员',
    confirmDelete: '删除 {{name}}（{{pin}}）？将从本机删除，并在其所在的每个后台上删除。',
    deleted: '已删除 {{name}}；各后台将经同步队列更新。',
    unknownBackend: '后台 {{id}}',
  },
};
