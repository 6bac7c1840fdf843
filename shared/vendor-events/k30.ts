import type { EventNameTable } from './table.ts';

/**
 * 门禁软件K30's pass-record modes (record.list `mode`, which electron/drivers/k30/mapping.ts keeps
 * as the event's name, in Chinese whatever the client's language): 0 智能识别, 1 人证, 2 人卡,
 * 3 一键开门, 6 访客二维码开门, 7 密码开门, 11 远程开门.
 */
export const K30_EVENT_NAMES: EventNameTable = [
  { names: ['智能识别'], en: 'Face recognition', 'zh-CN': '智能识别' },
  { names: ['人证'], en: 'Face and ID card', 'zh-CN': '人证' },
  { names: ['人卡'], en: 'Face and card', 'zh-CN': '人卡' },
  { names: ['一键开门'], en: 'One-touch open', 'zh-CN': '一键开门' },
  { names: ['访客二维码开门'], en: 'Visitor QR code open', 'zh-CN': '访客二维码开门' },
  { names: ['密码开门'], en: 'Password open', 'zh-CN': '密码开门' },
  { names: ['远程开门'], en: 'Remote open', 'zh-CN': '远程开门' },
];
