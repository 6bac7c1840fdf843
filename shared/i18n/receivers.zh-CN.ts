/** 中文：推送接收器（issue 14 第 5 项：K30 回调，其 URL 由安装人员在厂商软件中填写），键与 receivers.en.ts 相同；展开到 zh-CN.ts（顶层）。 */
export const receiversZhCN = {
  receivers: {
    manualListening: '正在 {{url}} 接收回调\n请将此 URL 填入{{where}}。在那里设置之前不会收到任何回调。按 Ctrl+C 停止。',
    manualStopped: '接收器已停止。该 URL 仍配置在厂商软件中：若本机不再接收，请在那里清除。',
    deviceResult: '{{pin}} 下发到设备 {{device}}：{{verdict}} {{message}}',
    deviceResultOk: '成功',
    deviceResultFailed: '失败',
    status: '接收器：{{state}}；URL：{{url}}；登记方式：{{registration}}；最近一次接收：{{last}}；已存记录：{{stored}}',
    running: '运行中',
    notRunning: '未运行',
    waiting: '等待第一次推送',
    automatic: '自动（Doorman 在后台登记）',
    manual: '手动（在厂商软件中填写 URL）',
    none: '该后台不推送',
  },
};

export const receiversErrorsZhCN = {
  receiver_address_unavailable: '接收器无法在其 URL 所用的地址 {{host}}:{{port}} 上监听：端口已被占用，或该地址已不属于本机。请停止占用该端口的程序，或换一个地址或端口启动接收器，并把新的 URL 填入厂商软件。',
};
