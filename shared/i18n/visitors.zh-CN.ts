import { TEXT_LIMITS } from '../rules/text-limits.ts';

/** 中文：访客（issue 15 item 4）——访客页面和命令行的 `visitors` 命令。键与 visitors.en.ts 相同。 */
export const visitorsZhCN = {
  visitors: {
    capability: '访客登记',
    nav: '访客',
    title: '访客',
    intro: '在支持访客登记的系统上登记今天的访客，查看到达和离开时间，并为访客签离。',
    noSite: '请先选择站点（站点页面）。',
    register: '登记访客',
    backend: '系统',
    noBackends: '此站点还没有系统。请在“系统”页面添加。',
    noVisitorApi: '此系统不能登记访客。',
    field: {
      name: '姓名',
      hostPin: '被访人（工号）',
      idType: '证件类型',
      idNumber: '证件号码',
      phone: '手机号码',
      company: '单位',
      reason: '来访事由',
      validFrom: '有效期自',
      validTo: '有效期至',
    },
    idType: { 'national-id': '身份证', passport: '护照', 'drivers-license': '驾驶证', 'work-permit': '工作证', other: '其他' },
    hostHint: '输入或从此系统上的 {{count}} 名人员中选择被访人：被访人须是该系统上的人员。',
    defaultsHint: '留空时，来访时间为现在到今天结束（站点时间）。',
    face: '人脸（可选）',
    required: '必填。',
    submit: '登记',
    submitting: '正在登记…',
    registered: '{{name}} 已登记。',
    keptFailed: '{{name}} 已保存，但无法连接系统。系统恢复后请重试。',
    today: '{{date}} 的访客',
    date: '日期',
    empty: '这一天没有访客。',
    col: { name: '访客', host: '被访人', company: '单位', reason: '事由', valid: '有效期', presence: '在场情况', state: '状态' },
    state: { sending: '发送中', registered: '已登记', reserved: '已预约', failed: '未发送', 'checked-out': '已签离' },
    presence: { expected: '待到访', arrived: '{{time}} 到达', left: '{{time}} 离开' },
    reservedDone: '已为 {{name}} 预约来访。',
    cancelReservation: '取消预约',
    notYet: '尚未',
    checkOut: '签离',
    retry: '重试',
    face_yes: '人脸',
    cli: {
      header: '站点 {{site}} 在 {{date}} 的访客：',
      none: '站点 {{site}} 在 {{date}} 没有访客。',
      row: '#{{id}} {{name}}（被访人 {{host}}）{{from}} – {{to}}：{{state}}；到达 {{arrived}}；离开 {{left}}',
      added: '访客 #{{id}} {{name}}：{{state}}。',
      checkedOut: '访客 #{{id}} {{name}} 已签离。',
      notSent: '无法连接系统；访客已保存。系统恢复后请运行 `doorman visitors retry {{id}}`。（{{reason}}）',
    },
  },
};

export const visitorsErrorsZhCN = {
  visitor_not_found: '没有访客 {{id}}。请刷新列表。',
};

export const visitorsValidationZhCN = {
  host_pin_format: `被访人填工号：字母和数字，最多 ${TEXT_LIMITS.pin} 个。`,
  visitor_id_number_format: '证件号码由字母、数字和短横线组成，最多 50 个字符。',
  visitor_company_too_long: '最多 50 个字符（K30 的限制）。',
  visitor_reason_too_long: '最多 50 个字符（K30 的限制）。',
  visit_ends_before_start: '来访结束时间必须晚于开始时间。',
  date_format: '日期请写作 yyyy-MM-dd。',
};
