import type { peopleEn, peopleErrorsEn } from './people.en.ts';

/** 人员页面的中文文本（键与 people.en.ts 相同）。 */
export const peopleZhCN: typeof peopleEn = {
  people: {
    title: '人员',
    intro: '本工地已登记的全部人员。修改或删除人员会经同步队列下发到其所在的每个后台。',
    noSite: '请先在“工地”页面选择一个工地。',
    search: '搜索',
    searchPlaceholder: '姓名、工号、身份证号、手机号或部门',
    empty: '本工地还没有登记人员。',
    noMatch: '没有符合搜索条件的人员。',
    columns: { pin: '工号', name: '姓名', idNumber: '身份证号', phone: '手机号', department: '部门', photo: '照片', targets: '后台', sync: '同步到后台', actions: '操作' },
    photoOf: '{{name}} 的照片',
    sync: {
      synced: '已同步',
      waiting: '等待中',
      failed: '失败',
      cancelled: '已取消',
      none: '未下发',
      line: '{{backend}}：{{state}}',
      nextTry: '下次尝试 {{time}}',
      cancelledByYou: '已由您取消',
      cancelledByNewer: '已被更新的修改取代',
      devicesNotTaking_one: '{{count}} 台设备未收到',
      devicesNotTaking_other: '{{count}} 台设备未收到',
      deviceLine: '{{backend}}：设备 {{device}} 未收到 — {{message}}',
      openQueue: '打开同步队列',
    },
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

/** 人员与同步队列方法的错误文本（并入 `errors`）。 */
export const peopleErrorsZhCN: typeof peopleErrorsEn = {
  outbox_cancelled: '此任务已取消，不能重试。如需再次下发此人，请在“人员”页面重新保存。',
};
