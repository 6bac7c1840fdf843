/** 简体中文：可实时的事件流在尚未实时之前的说明（issue 15）。键与 stream-truth.en.ts 相同；展开进 zh-CN.ts。 */
export const streamTruthZhCN = {
  streamTruth: {
    awaitingCall: '接收器已在运行，但后台尚未调用它：请把它的 URL 填入{{where}}。在此之前，每 {{seconds}} 秒轮询一次事件。',
  },
};
