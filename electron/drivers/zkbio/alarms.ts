import type { LocalizedText } from '../driver-error.ts';
import { matchWords, type AlarmWords } from '../alarm-words.ts';
import { fields, int, text } from '../record-fields.ts';
import type { AlarmMatch, AlarmTable } from '../vendor-descriptor.ts';

/**
 * ZKBio CVSecurity's alarms (zkbio.md, seed 004). Two sources:
 * - a transaction's `eventLevel` ("0 normal 1 warning 2 alarm", §2.19 transaction list; the
 *   monitor's "0:normal, 1:abnormal, 2:Alarm") with its `eventName`: the document has no event-code
 *   table, so the class is read from the name; a level-2 event whose name says nothing known is
 *   `other-alarm`, a level-1 one is an alarm only when its name is one of these;
 * - a door state's `alarm` (door/doorStateList §2.x: "none, alarm, timeout, be opened accidentally,
 *   tampering, duress password opening, duress fingerprint opening, duress opening, normal open
 *   alarm, low battery voltage, replace battery, illegal operation, backup power, unknown").
 * ZKBio localises names to its UI language, so the Chinese UI's words are in the rows too.
 */
const ROWS: readonly AlarmWords[] = [
  { alarmClass: 'duress', words: ['duress', '胁迫'] },
  { alarmClass: 'door-forced', words: ['opened accidentally', 'open accidentally', '意外打开', '意外开门', '门被意外'] },
  { alarmClass: 'tamper', words: ['tamper', '防拆'] },
  { alarmClass: 'fire', words: ['fire', '消防', '火警'] },
  { alarmClass: 'held-open', words: ['timeout', 'time out', 'opening timeout', '超时'] },
];

/** Door-state `alarm` values that are states, not alarms ("none", "unknown"). */
const NOT_ALARMS = new Set(['none', 'unknown', '无', '未知', '0']);

const REASONS: Readonly<Record<AlarmMatch['alarmClass'], LocalizedText>> = {
  duress: { en: 'Duress opening', 'zh-CN': '胁迫开门' },
  'door-forced': { en: 'Door opened accidentally (forced)', 'zh-CN': '门被意外打开' },
  tamper: { en: 'Tampering', 'zh-CN': '防拆报警' },
  fire: { en: 'Fire alarm', 'zh-CN': '消防报警' },
  'held-open': { en: 'Door open timeout', 'zh-CN': '开门超时' },
  stranger: { en: 'Stranger', 'zh-CN': '陌生人' },
  'other-alarm': { en: 'Alarm', 'zh-CN': '报警' },
};

function named(alarmClass: AlarmMatch['alarmClass'], vendorName: string | null): AlarmMatch {
  const reason = REASONS[alarmClass];
  // The vendor's own name beside Doorman's words: "Alarm (low battery voltage)".
  return vendorName === null || alarmClass !== 'other-alarm' ? { alarmClass, reason } : { alarmClass, reason: { en: `${reason.en} (${vendorName})`, 'zh-CN': `${reason['zh-CN']}（${vendorName}）` } };
}

/** A door whose device is not connected (`connect` 0, §6.2): the guard cannot see or command it. */
const DOOR_OFFLINE: AlarmMatch = {
  alarmClass: 'other-alarm',
  reason: { en: 'Door offline: its controller is not connected to ZKBio. Check the controller’s power and network.', 'zh-CN': '门离线：其控制器未连接到 ZKBio。请检查控制器的电源和网络。' },
};

/** A door state's `alarm` value to its alarm, or null ("none"). Also used for a door-state event's raw. */
export function zkbioDoorStateAlarm(alarm: string | null): AlarmMatch | null {
  if (alarm === null || NOT_ALARMS.has(alarm.trim().toLowerCase())) return null;
  const row = matchWords(ROWS, alarm);
  return named(row?.alarmClass ?? 'other-alarm', alarm.trim());
}

export const zkbioAlarms: AlarmTable = ({ event, raw }) => {
  const f = fields(raw);
  // A door state (door/doorStateList): its `alarm` field, with no eventLevel.
  // `connect` 0 is the device offline (1 online, 2 disabled by the administrator: not an alarm).
  if (f['eventLevel'] === undefined && text(f['connect']) === '0') return DOOR_OFFLINE;
  if (f['eventLevel'] === undefined && typeof f['alarm'] === 'string') return zkbioDoorStateAlarm(text(f['alarm']));
  const level = int(f['eventLevel']) ?? (event.kind === 'alarm' ? 2 : null);
  const name = text(f['eventName']) ?? text(event.description);
  const row = matchWords(ROWS, name);
  if (level === 2) return named(row?.alarmClass ?? 'other-alarm', name);
  if (level === 1 && row) return named(row.alarmClass, name);
  return null;
};
