import type { departmentsEn } from './departments.en.ts';

/** 部门选择、导入的部门对照与“人员 → 编辑”的后台（键与 departments.en.ts 相同）。 */
export const departmentsZhCN: typeof departmentsEn = {
  departments: {
    chooseBackend: '请先选择目标后台：部门从其部门列表中选择。',
    noneKeep: '{{backends}}：该系统没有部门，无需选择。',
    notSentTo: '部门只发送到有部门的后台；{{backends}} 没有部门。',
    unread: '尚未读取 {{backends}} 的部门列表：请在“后台”页打开它并从后台刷新。',
    notOnList: '{{value}}（不在后台的列表中）',
    mappingTitle: '部门',
    mappingIntro: '文件中的每个部门，以及它对应并保存为的后台部门（按编号）。',
    mappingColumns: { value: '文件中', name: '部门', code: '编号', rows: '行数' },
    cliMapping_one: '部门“{{value}}”即 {{name}}（编号 {{code}}）：{{count}} 行。',
    cliMapping_other: '部门“{{value}}”即 {{name}}（编号 {{code}}）：{{count}} 行。',
  },
  personEdit: {
    targetsTitle: '后台与权限组',
    targetsHint: '勾选此人要下发到的后台及其权限组（ZKBio）或通行组（鸿图）。在此取消勾选的后台会删除此人。',
  },
};
