/**
 * 简体中文：桥接设备的工人所获的权限组（issue 16 item 3）。与 bridge-work.en.ts 键相同；展开到 zh-CN.ts（顶层）。
 */
export const bridgeWorkZhCN = {
  bridgeWork: {
    levels: '权限组 {{levels}}',
    backendLevels: '{{backend}}：{{ids}}（{{from}}）',
    fromSet: '已设置',
    fromDoors: '覆盖其门的权限组',
    noLevel:
      '后台 {{backend}} 上没有权限组：平台下发的工人将在该后台登记，但无权开门。请为设备指定权限组：bridge device update {{bridge}} {{device}} --level {{backendId}}:<权限组编号>（编号见 backend inventory {{backendId}}）。',
    statusNoLevel: '    后台 {{backend}} 上没有权限组：工人登记后无权开门（bridge device update {{bridge}} {{device}} --level {{backendId}}:<权限组编号>）',
    state: {
      received: '已接收',
      fetched: '已获取',
      running: '正在下发人员',
      syncing: '等待后台完成',
      done: '已完成，待上报',
      failed: '失败，待上报',
      unsupported: '不支持，待上报',
      reported: '已上报',
    },
    failedPerson: '    失败人员 {{personId}}（{{errCode}}）{{reason}}',
    failedFace: '    失败人脸 {{personId}}（{{errCode}}）{{reason}}',
    deviceUpdated: '桥接 {{bridge}} 的设备 {{sn}}（#{{id}}）现对应 {{doors}}；{{levels}}。已登记的工人在下次任务重新下发前保留原有权限组。',
  },
};
