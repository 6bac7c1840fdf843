import type { LocalizedText } from '../driver-error.ts';
import { fieldsByLowerName, int } from '../record-fields.ts';
import type { AlarmMatch, AlarmTable } from '../vendor-descriptor.ts';

/**
 * 门禁软件K30's alarms (k30.md, seed 000). The pass-record callback (人员通行后回调记录, UploadRecord)
 * says it in `recogMode`: 16 胁迫开门 (duress), 12 消防联动报警功能记录 (fire linkage), -8 陌生人
 * (stranger); record.list says a stranger by `group` 1. `exceptionMode` (0 异常, 1 正常) marks a
 * refused pass: not an alarm by itself, it is a denial (the event's kind), which the repeated-denials
 * rule counts. Callback keys come in two spellings (E19: `recogMode` / `recogmode`).
 */
const BY_RECOG_MODE: Readonly<Record<number, { alarmClass: AlarmMatch['alarmClass']; reason: LocalizedText }>> = {
  16: { alarmClass: 'duress', reason: { en: 'Duress opening', 'zh-CN': '胁迫开门' } },
  12: { alarmClass: 'fire', reason: { en: 'Fire linkage alarm', 'zh-CN': '消防联动报警' } },
  [-8]: { alarmClass: 'stranger', reason: { en: 'Stranger', 'zh-CN': '陌生人' } },
};

/** record.list `group` 1: a stranger (the list has no recogMode). */
const STRANGER_GROUP = 1;

export const k30Alarms: AlarmTable = ({ raw }) => {
  const f = fieldsByLowerName(raw);
  const mode = int(f['recogmode']);
  if (mode !== null) return BY_RECOG_MODE[mode] ?? null;
  if (int(f['group']) === STRANGER_GROUP) return BY_RECOG_MODE[-8] ?? null;
  return null;
};
