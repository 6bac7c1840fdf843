/** 简体中文：可实时的事件流在尚未实时之前的说明（issue 15）。键与 stream-truth.en.ts 相同；展开进 zh-CN.ts。 */
export const streamTruthZhCN = {
  streamTruth: {
    awaitingCall: '接收器已在运行，但后台尚未调用它：请把它的 URL 填入{{where}}。在此之前，每 {{seconds}} 秒轮询一次事件。',
    failingFor: '已持续失败 {{minutes}} 分钟。{{detail}}',
    serverError: '后台返回了错误（HTTP {{status}}）：可能正在启动、负载过高或内部故障。Doorman 会持续重试；如持续出现，请检查后台自身的服务和日志。',
  },
};
