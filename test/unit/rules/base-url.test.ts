import { describe, expect, it } from 'vitest';
import { NewBackendSchema } from '../../../shared/contract/backends.ts';
import { normalizeBaseUrl, sameServerKey } from '../../../shared/rules/base-url.ts';

describe('a backend address, tidied or refused (issue 12 item 5)', () => {
  it.each([
    ['http://192.168.1.100:8088', 'http://192.168.1.100:8088'],
    ['  http://192.168.1.100:8088/  ', 'http://192.168.1.100:8088'],
    ['192.168.1.100:8098', 'http://192.168.1.100:8098'],
    ['HTTPS://Server.Local:8443', 'https://server.local:8443'],
    ['http://10.0.0.5:18082/#/login', 'http://10.0.0.5:18082'],
    ['http://10.0.0.5:8098/bioLogin.do?x=1', 'http://10.0.0.5:8098'],
    ['http://10.0.0.5:80/', 'http://10.0.0.5'],
    ['https://zkbio:443', 'https://zkbio'],
    ['localhost:8098', 'http://localhost:8098'],
    ['http://[::1]:8098', 'http://[::1]:8098'],
  ])('%s → %s', (typed, url) => {
    expect(normalizeBaseUrl(typed)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'base_url_required'],
    ['http://999.1.1.1:8098', 'base_url_ip'],
    ['http://10.0.0:8098', 'base_url_ip'],
    ['http://1.2.3.4.5', 'base_url_ip'],
    ['http://host.123', 'base_url_ip'],
    ['http://10.0.0.5:70000', 'base_url_port'],
    ['http://10.0.0.5:0', 'base_url_port'],
    ['http://10.0.0.5:', 'base_url_port'],
    ['ftp://10.0.0.5', 'base_url_scheme'],
    ['rtsp://10.0.0.5:554', 'base_url_scheme'],
    ['http://bad_host:80', 'base_url_host'],
    ['http://-a.b', 'base_url_host'],
    ['http://admin:pw@10.0.0.5', 'base_url_credentials'],
    ['http://10.0.0.5 8098', 'base_url_format'],
    ['http://', 'base_url_format'],
  ])('%s is refused: %s', (typed, problem) => {
    expect(normalizeBaseUrl(typed)).toEqual({ ok: false, problem });
  });

  it('makes one server of the same scheme, host and port, the default port written or not', () => {
    expect(sameServerKey('http://10.0.0.5')).toBe(sameServerKey('10.0.0.5:80/#/login'));
    expect(sameServerKey('HTTPS://ZK.local')).toBe(sameServerKey('https://zk.local:443'));
    expect(sameServerKey('http://10.0.0.5:8098')).not.toBe(sameServerKey('https://10.0.0.5:8098'));
    expect(sameServerKey('http://10.0.0.5:8098')).not.toBe(sameServerKey('http://10.0.0.5:8099'));
    expect(sameServerKey('http://999.1.1.1')).toBeNull();
  });

  it('is the contract’s rule: the core stores the tidied address and refuses an impossible one', () => {
    const base = { siteId: 1, vendor: 'zkbio', credentials: { token: 'T' } } as const;
    expect(NewBackendSchema.parse({ ...base, baseUrl: '10.0.0.5:8098/#/login' }).baseUrl).toBe('http://10.0.0.5:8098');
    const refused = NewBackendSchema.safeParse({ ...base, baseUrl: 'http://999.1.1.1:8098' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path, i.message])).toEqual([[['baseUrl'], 'base_url_ip']]);
  });
});
