import type { datesEn, datesValidationEn } from './dates.en.ts';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 日期、时间与单位的中文文本（键与 dates.en.ts 相同）。 */
export const datesValidationZhCN: Texts<typeof datesValidationEn> = {
  person_name_required: '请输入姓名。',
  datetime_format: '不是日期：请在日期选择器中选择，或写成 yyyy-MM-dd，可加时间（HH:mm 或 HH:mm:ss）。',
  no_such_date: '没有这个日期：该月没有这一天（请核对日和月）。',
  no_such_time: '没有这个时刻：小时最大 23，分钟和秒最大 59。',
};

export const datesZhCN: Texts<typeof datesEn> = {
  dateInput: {
    time: '时间（可选）',
    fromHint: '只选日期时，从当天开始（00:00:00）生效。',
    toHint: '只选日期时，到当天结束（23:59:59）为止。',
    clear: '清除',
  },
  vendorEvent: {
    unknownMark: '（{{vendor}} 原文）',
    theBackend: '后台',
    unknownTitle: 'Doorman 尚未收录此事件名称的翻译，按后台原文显示。',
  },
};
