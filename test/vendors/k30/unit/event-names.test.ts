import { describe, expect, it } from 'vitest';
import { toAccessEvent } from '../../../../electron/drivers/k30/mapping.ts';
import { eventNameText, vendorOfEventId } from '../../../../shared/vendor-events/event-name.ts';
import { K30_EVENT_NAMES } from '../../../../shared/vendor-events/k30.ts';

describe('K30’s pass-record modes as event names (issue 14 item 6)', () => {
  it('names every mode the mapping writes, in English and Chinese: 远程开门 is a remote open', () => {
    for (const mode of ['0', '1', '2', '3', '6', '7', '11']) {
      const event = toAccessEvent({ no: '1', addtime: '2026-12-07 10:00:00', mode, deviceno: 'D1', exceptionmode: 1, group: 0 });
      expect(eventNameText('k30', event.description, 'en').known, mode).toBe(true);
    }
    expect(eventNameText('k30', '远程开门', 'en')).toEqual({ text: 'Remote open', known: true });
    expect(eventNameText('k30', '远程开门', 'zh-CN')).toEqual({ text: '远程开门', known: true });
  });

  it('knows a K30 event by its id, and gives every entry words in both languages', () => {
    expect(vendorOfEventId('k30:1700000000000301')).toBe('k30');
    for (const entry of K30_EVENT_NAMES) {
      expect(entry.en.trim()).not.toBe('');
      expect(entry['zh-CN'].trim()).not.toBe('');
    }
  });
});
