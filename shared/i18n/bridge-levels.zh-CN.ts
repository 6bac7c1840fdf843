/**
 * 简体中文：桥接设备的工人所获的权限组（issue 16 item 3）。与 bridge-levels.en.ts 键相同；展开到 zh-CN.ts（顶层）。
 */
export const bridgeLevelsZhCN = {
  bridgeLevels: {
    levels: '权限组 {{levels}}',
    backendLevels: '{{backend}}：{{ids}}（{{from}}）',
    fromSet: '已设置',
    fromDoors: '覆盖其门的权限组',
    noLevel:
      '后台 {{backend}} 上没有权限组：平台下发的工人将在该后台登记，但无权开门。请为设备指定权限组：bridge device update {{bridge}} {{device}} --level {{backendId}}:<权限组编号>（编号见 backend inventory {{backendId}}）。',
    statusNoLevel: '    后台 {{backend}} 上没有权限组：工人登记后无权开门（bridge device update {{bridge}} {{device}} --level {{backendId}}:<权限组编号>）',
    deviceUpdated: '桥接 {{bridge}} 的设备 {{sn}}（#{{id}}）现对应 {{doors}}；{{levels}}。已登记的工人在下次任务重新下发前保留原有权限组。',
  },
};
