import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, redactString } from '../../../electron/log/redact.ts';

describe('redaction', () => {
  it('hides values under secret-looking keys at any depth', () => {
    const out = redactSecrets({
      backend: { url: 'http://10.0.0.5', credentials: { appKey: 'k', secretKey: 's' } },
      token: 'abc',
      accessToken: 'def',
      password: 'hunter2',
      headers: { Authorization: 'Bearer x', cookie: 'a=b' },
      list: [{ secret: 'z' }],
      name: 'Demo',
    });
    expect(out).toEqual({
      backend: { url: 'http://10.0.0.5', credentials: REDACTED },
      token: REDACTED,
      accessToken: REDACTED,
      password: REDACTED,
      headers: { Authorization: REDACTED, cookie: REDACTED },
      list: [{ secret: REDACTED }],
      name: 'Demo',
    });
  });

  it('hides secret query parameters inside strings', () => {
    expect(redactString('GET /api/door/list?pageNo=1&access_token=F1A2B3&x=1')).toBe(
      `GET /api/door/list?pageNo=1&access_token=${REDACTED}&x=1`,
    );
    expect(redactString('secret=abc password=pw appkey=k')).toBe(`secret=${REDACTED} password=${REDACTED} appkey=${REDACTED}`);
  });

  it('redacts error messages and stacks', () => {
    const out = redactSecrets(new Error('failed: http://h/api?access_token=T0K')) as { message: string };
    expect(out.message).not.toContain('T0K');
  });

  it('leaves plain values alone and survives cycles deep down', () => {
    expect(redactSecrets(42)).toBe(42);
    expect(redactSecrets(null)).toBe(null);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(() => redactSecrets(cyclic)).not.toThrow();
  });
});
