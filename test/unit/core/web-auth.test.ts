import { describe, expect, it } from 'vitest';
import { cookieName, hostAllowed, originAllowed, presentedToken, tokensEqual } from '../../../electron/server/auth.ts';

describe('web server auth rules', () => {
  const port = 4321;
  const url = (path: string) => new URL(path, 'http://127.0.0.1');

  it('finds the token in the query, a bearer header or our cookie', () => {
    expect(presentedToken({ url: url('/?token=abc') }, port)).toBe('abc');
    expect(presentedToken({ url: url('/'), authorization: 'Bearer xyz' }, port)).toBe('xyz');
    expect(presentedToken({ url: url('/'), cookie: `a=1; ${cookieName(port)}=tok; b=2` }, port)).toBe('tok');
    expect(presentedToken({ url: url('/'), cookie: `${cookieName(port + 1)}=other` }, port)).toBeUndefined();
    expect(presentedToken({ url: url('/') }, port)).toBeUndefined();
  });

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('ab', 'abc')).toBe(false);
  });

  it('accepts only our own host names (no DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:4321', port)).toBe(true);
    expect(hostAllowed('localhost:4321', port)).toBe(true);
    expect(hostAllowed('evil.example:4321', port)).toBe(false);
    expect(hostAllowed('127.0.0.1:1', port)).toBe(false);
    expect(hostAllowed(undefined, port)).toBe(false);
  });

  it('accepts only our own page as Origin', () => {
    expect(originAllowed('http://127.0.0.1:4321', port)).toBe(true);
    expect(originAllowed('http://localhost:4321', port)).toBe(true);
    expect(originAllowed('http://evil.example', port)).toBe(false);
    expect(originAllowed('null', port)).toBe(false);
    expect(originAllowed(undefined, port)).toBe(true);
  });
});
