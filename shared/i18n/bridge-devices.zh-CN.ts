/**
 * 简体中文：对接页面的设备（第二轮，issue 16 item 5）。Keys shared with bridge-devices.en.ts;
 * spread into zh-CN.ts (top level).
 */
export const bridgeDevicesZhCN = {
  bridgeDevices: {
    levels: '门禁权限',
    levelsOf: '{{backend}}：{{levels}}（{{from}}）',
    noLevelIds: '无',
    noLevel: '后台 {{backend}} 上没有门禁权限：平台下发的人员将在该后台登记，但无权通过此门。请编辑该设备并选择权限。',
    edit: '编辑',
    editTitle: '编辑设备 {{sn}}',
    levelsPick: '{{backend}} 上的门禁权限',
    levelsDefault: '不勾选任何权限时，人员获得覆盖其门的权限。',
    noStoredLevels: '后台 {{backend}} 没有已保存的门禁权限：请在“后台”页面读取其设备清单。',
    save: '保存设备',
    cancel: '取消',
    saved: '设备 {{sn}} 已保存。已登记的人员保留原有权限，直到平台任务再次下发。',
    lastPass: '最近上报的通行',
    lastPassLine: '{{person}} 于 {{time}}，平台确认于 {{acknowledged}}',
    since_one: '自对接启动以来已确认 {{count}} 条',
    since_other: '自对接启动以来已确认 {{count}} 条',
    noPass: '自对接启动以来尚无',
    lastTask: '最近任务',
    lastTaskLine: '{{what}}：{{state}}',
  },
};
