/** 中文：同步页面中各设备的下发结果（问题 14：K30 的 authstatus 回调，以及任何上报此类结果的后台）。 */
export const deviceResultsZhCN = {
  deviceResults: {
    title: '设备下发结果',
    intro: '部分后台在人员同步后会上报每台设备是否已收到该人员（K30 通过回调上报）。每个人员在每台设备上只显示最新结果。',
    pin: '工号',
    backend: '后台',
    devices: '设备',
    ok: '已下发到设备',
    failed: '未下发到设备',
    at: '{{time}}',
    earlier: '来自之前的同步',
    waiting: '正在等待设备的下发结果（需要回调接收器）。',
    waitingHint: '没有回调接收器时，这些结果永远不会到达：请在该后台的设置步骤（回调地址）中启动接收器，并把地址填入后台软件。',
    failedHint: '设备未收到该人员时：请让设备上线，然后重新发送该人员（人员 → 修改 → 保存）。',
    empty: '尚未向这些后台发送人员。',
    loadFailed: '无法读取设备下发结果：{{reason}}',
  },
};
