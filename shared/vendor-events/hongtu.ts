import type { EventNameTable } from './table.ts';

/**
 * Megvii Hongtu 2000's pass-record words (pass_record/list §7.1 and the pushed record §7.2), which
 * the platform writes in Chinese whatever the client's language: `passTypeDesc` ("通行类型。0 -
 * 未通行; 1 - 通行; 2 - 复合认证未通过") and, when a record has none, `recognitionTypeDesc`
 * ("识别人员类型。1 - 员工; 2 - 访客; 3 - 重点人员（黑名单）; 4 - 陌生人; 5 - 未识别; 6 - VIP访客").
 */
export const HONGTU_EVENT_NAMES: EventNameTable = [
  { names: ['通行'], en: 'Passed', 'zh-CN': '通行' },
  { names: ['未通行'], en: 'Not passed', 'zh-CN': '未通行' },
  { names: ['复合认证未通过'], en: 'Multi-factor verification failed', 'zh-CN': '复合认证未通过' },
  { names: ['员工'], en: 'Staff', 'zh-CN': '员工' },
  { names: ['访客'], en: 'Visitor', 'zh-CN': '访客' },
  { names: ['重点人员', '重点人员（黑名单）', '重点人员(黑名单)'], en: 'Person of interest (blocklist)', 'zh-CN': '重点人员（黑名单）' },
  { names: ['陌生人'], en: 'Stranger', 'zh-CN': '陌生人' },
  { names: ['未识别'], en: 'Not recognised', 'zh-CN': '未识别' },
  { names: ['vip访客'], en: 'VIP visitor', 'zh-CN': 'VIP访客' },
];
