import type { siteTimeZoneEn, siteTimeZoneErrorsEn, siteTimeZoneValidationEn } from './site-time-zone.en.ts';

/** 工地时区（问题 12 第 9 项）的中文文本：工地页的时区选择、命令行输出，以及未知时区的拒绝（键与 site-time-zone.en.ts 相同）。 */
export const siteTimeZoneValidationZhCN: typeof siteTimeZoneValidationEn = {
  time_zone_required: '请选择时区。',
  time_zone_unknown: '没有这个时区：请从列表中选择（IANA 名称，如 Asia/Shanghai）。',
};

export const siteTimeZoneErrorsZhCN: typeof siteTimeZoneErrorsEn = {
  site_time_zone_unknown: '没有这个时区：“{{timeZone}}”。请从列表中选择（IANA 名称，如 Asia/Shanghai 或 Europe/Berlin）。',
};

export const siteTimeZoneZhCN: typeof siteTimeZoneEn = {
  siteTimeZone: {
    header: '时区',
    label: '“{{name}}”的时区',
    hint: '该工地的所有时间（门测试、事件、报告）都按此时区显示。',
    thisComputer: '{{zone}}（本机）',
    saved: '“{{name}}”的时间现按 {{zone}} 显示。',
    cliSaved: '工地 {{id}} 时区：{{zone}}',
  },
};
