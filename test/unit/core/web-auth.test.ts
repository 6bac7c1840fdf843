import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, presentedToken, tokensEqual } from '../../../electron/server/auth.ts';

describe('web server auth rules', () => {
  const port = 4321;

  it('finds the token in an offered subprotocol or a bearer header, nowhere else', () => {
    expect(presentedToken({ protocols: 'doorman, doorman.token.abc' })).toBe('abc');
    expect(presentedToken({ protocols: 'doorman.token.abc,doorman' })).toBe('abc');
    expect(presentedToken({ authorization: 'Bearer xyz' })).toBe('xyz');
    expect(presentedToken({ protocols: 'doorman' })).toBeUndefined();
    expect(presentedToken({})).toBeUndefined();
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
