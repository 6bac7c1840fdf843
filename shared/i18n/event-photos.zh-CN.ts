/** 中文：实时页面上某条事件为何没有抓拍照片（issue 15 第 2 项）。键与 event-photos.en.ts 相同；并入 zh-CN.ts。 */
export const eventPhotosZhCN = {
  eventPhotos: {
    loading: '加载中…',
    problem: {
      none: '无照片',
      expired: '照片链接已过期。后台自己的客户端可能仍能显示。',
      unreachable: '照片未加载：后台没有应答。该行再次显示时会重试。',
      'not-image': '后台提供的照片不是 JPEG 或 PNG 图片。',
      'too-large': '后台提供的照片太大，无法显示（超过 2 MB）。',
    },
  },
};
