import { describe, expect, it } from 'vitest';
import { adoptPageToken, splitToken } from '../../../renderer/src/api/page-token.ts';

/** A tab's address bar, history and sessionStorage, as adoptPageToken sees them. */
function tab(href: string) {
  const stored = new Map<string, string>();
  const state = { href, replaced: [] as string[] };
  return {
    state,
    stored,
    page: {
      location: { get href() { return state.href; } },
      history: { replaceState: (_data: unknown, _unused: string, url: string) => { state.replaced.push(url); state.href = new URL(url, state.href).href; } },
      sessionStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) },
    },
  };
}

describe('page token', () => {
  it('is read from the fragment the link carries, and from `?token=` of older links', () => {
    expect(splitToken('http://127.0.0.1:5123/#token=abc_-1')).toEqual({ token: 'abc_-1', address: '/' });
    expect(splitToken('http://127.0.0.1:5123/?token=abc')).toEqual({ token: 'abc', address: '/' });
    expect(splitToken('http://127.0.0.1:5123/?lang=en&token=abc')).toEqual({ token: 'abc', address: '/?lang=en' });
    expect(splitToken('http://127.0.0.1:5123/#/sites')).toEqual({ token: null, address: '/#/sites' });
    expect(splitToken('http://127.0.0.1:5123/')).toEqual({ token: null, address: '/' });
  });

  it('moves into this tab’s sessionStorage and out of the address, without a new history entry', () => {
    const t = tab('http://127.0.0.1:5123/#token=secret-token');
    adoptPageToken(t.page);
    expect(t.stored.get('doorman.token')).toBe('secret-token');
    expect(t.state.replaced).toEqual(['/']);
    expect(t.state.href).not.toContain('secret-token');
  });

  it('leaves an address without a token (a reload, a route) and the stored token alone', () => {
    const t = tab('http://127.0.0.1:5123/#/people');
    t.stored.set('doorman.token', 'kept');
    adoptPageToken(t.page);
    expect(t.state.replaced).toEqual([]);
    expect(t.stored.get('doorman.token')).toBe('kept');
  });
});
