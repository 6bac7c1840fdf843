import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/i18n/format-time.ts';
import { formatMs } from '../../../shared/i18n/format-units.ts';
import { eventNameText, vendorOfEventId } from '../../../shared/vendor-events/event-name.ts';
import { HONGTU_EVENT_NAMES } from '../../../shared/vendor-events/hongtu.ts';
import { ZKBIO_EVENT_NAMES } from '../../../shared/vendor-events/zkbio.ts';

describe('vendor event names, one table per vendor', () => {
  it('translates ZKBio’s English names into Chinese, whatever their case and spacing', () => {
    expect(eventNameText('zkbio', 'Normal Verify Open', 'zh-CN')).toEqual({ text: '正常验证开门', known: true });
    expect(eventNameText('zkbio', 'Nomal verify open the door', 'zh-CN')).toEqual({ text: '正常验证开门', known: true });
    expect(eventNameText('zkbio', '  remote   opening ', 'zh-CN')).toEqual({ text: '远程开门', known: true });
    expect(eventNameText('zkbio', 'remote opening', 'en')).toEqual({ text: 'Remote opening', known: true });
  });

  it('translates Hongtu’s Chinese pass types into English (§7.1 passTypeDesc, recognitionTypeDesc)', () => {
    expect(eventNameText('hongtu', '通行', 'en')).toEqual({ text: 'Passed', known: true });
    expect(eventNameText('hongtu', '未通行', 'en')).toEqual({ text: 'Not passed', known: true });
    expect(eventNameText('hongtu', '复合认证未通过', 'en')).toEqual({ text: 'Multi-factor verification failed', known: true });
    expect(eventNameText('hongtu', '陌生人', 'en')).toEqual({ text: 'Stranger', known: true });
    expect(eventNameText('hongtu', '通行', 'zh-CN')).toEqual({ text: '通行', known: true });
  });

  it('leaves a name the table lacks as the vendor wrote it, flagged unknown', () => {
    expect(eventNameText('zkbio', 'acc_newEventNo_68', 'zh-CN')).toEqual({ text: 'acc_newEventNo_68', known: false });
    expect(eventNameText('hongtu', 'Normal Verify Open', 'en')).toEqual({ text: 'Normal Verify Open', known: false });
    expect(eventNameText('k30', '通行', 'en')).toEqual({ text: '通行', known: false });
  });

  it('gives every entry words in both languages, and no spelling to two entries', () => {
    for (const table of [ZKBIO_EVENT_NAMES, HONGTU_EVENT_NAMES]) {
      const spellings = table.flatMap((entry) => entry.names.map((name) => name.toLowerCase()));
      expect(new Set(spellings).size).toBe(spellings.length);
      for (const entry of table) {
        expect(entry.en).toMatch(/^[A-Z]/);
        expect(entry['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('knows the vendor from the event id', () => {
    expect(vendorOfEventId('zk:402856a7')).toBe('zkbio');
    expect(vendorOfEventId('ht:9f1c')).toBe('hongtu');
    expect(vendorOfEventId('k3:1')).toBeNull();
  });
});

describe('times and durations, one format per language', () => {
  it('shows a Hongtu instant (UTC ISO) and a ZKBio local time of the same moment alike, in the site’s zone', () => {
    const hongtu = formatTime('2026-03-04T06:05:07.000Z', 'en', { timeZone: 'Asia/Shanghai', seconds: true });
    const zkbio = formatTime('2026-03-04 14:05:07', 'en', { timeZone: 'Asia/Shanghai', seconds: true });
    expect(hongtu).toBe(zkbio);
    expect(hongtu).toBe('Mar 4, 2026, 14:05:07');
    expect(formatTime('2026-03-04T06:05:07Z', 'zh-CN', { timeZone: 'Asia/Shanghai', seconds: true })).toBe('2026年3月4日 14:05:07');
    expect(formatTime('2026-03-04 14:05:07', 'zh-CN', { timeZone: 'Europe/Berlin', seconds: true })).toBe('2026年3月4日 14:05:07');
  });

  it('keeps text that is no time, and survives an unknown zone', () => {
    expect(formatTime('not a time', 'en', { timeZone: 'Asia/Shanghai' })).toBe('not a time');
    expect(formatTime('2026-03-04T06:05:07Z', 'en', { timeZone: 'Mars/Olympus' })).toMatch(/2026/);
  });

  it('says milliseconds in the language’s own unit', () => {
    expect(formatMs(120.4, 'en')).toBe('120 ms');
    expect(formatMs(1234, 'en')).toBe('1234 ms');
    expect(formatMs(120, 'zh-CN')).toBe('120毫秒');
  });
});
