import { describe, expect, it } from 'vitest';
import { failureReason, gaveNoAnswer, offlineReason } from '../../../electron/events/stream-reason.ts';
import { DriverError } from '../../../electron/drivers/driver-error.ts';
import { ApiError } from '../../../shared/contract/errors.ts';

const advice = { en: 'Copy the token again.', 'zh-CN': '请重新复制令牌。' };

describe('stream reasons: what happened and what to do, in both languages', () => {
  it('the driver’s own advice first; a typed core refusal’s advice too', () => {
    expect(failureReason(new DriverError('bad_credentials', 'refused', { vendor: 'x', advice }))).toEqual(advice);
    expect(failureReason(new ApiError('secret_unreadable', 'the stored credentials cannot be read', { advice }))).toEqual(advice);
  });

  it('an HTTP error status says which, not "cannot read"', () => {
    const reason = failureReason(new DriverError('http_status', 'list: HTTP 503.', { vendor: 'x', status: 503 }));
    expect(reason.en).toContain('answered with an error (HTTP 503)');
    expect(reason['zh-CN']).toContain('HTTP 503');
  });

  it('"no answer" only when the backend gave none; an answering backend is "failing"', () => {
    expect(gaveNoAnswer(new DriverError('reset', 'cut', { vendor: 'x' }))).toBe(true);
    expect(gaveNoAnswer(new DriverError('timeout', 'slow', { vendor: 'x' }))).toBe(true);
    expect(gaveNoAnswer(new DriverError('bad_credentials', 'refused', { vendor: 'x' }))).toBe(false);
    expect(gaveNoAnswer(new DriverError('http_status', '500', { vendor: 'x', status: 500 }))).toBe(false);
    expect(gaveNoAnswer(new ApiError('backend_not_found', 'gone'))).toBe(false);
    expect(offlineReason(3, advice, false)).toEqual({ en: 'Failing for 3 min. Copy the token again.', 'zh-CN': '已持续失败 3 分钟。请重新复制令牌。' });
    expect(offlineReason(3, advice, true).en).toBe('No answer for 3 min. Copy the token again.');
  });
});
