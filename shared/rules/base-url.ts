/**
 * A backend's server address, as people type or paste it, tidied to `scheme://host[:port]` or
 * refused with the reason (issue 12 item 5). One rule for the add form, the CLI and the core: a
 * missing scheme means http:// (what LAN access-control servers speak), the path, query and
 * fragment a browser's address bar carries (`/#/login`, `/bioLogin.do`) are dropped, and an
 * address no connection could reach (`999.1.1.1`, port 70000) is refused before it is stored.
 */

/** Why an address is refused: each is a `validation.` catalog key. */
export const BASE_URL_PROBLEMS = ['base_url_required', 'base_url_format', 'base_url_scheme', 'base_url_ip', 'base_url_host', 'base_url_port', 'base_url_credentials'] as const;
type BaseUrlProblem = (typeof BASE_URL_PROBLEMS)[number];

type BaseUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: BaseUrlProblem };

/** Longer than any address a person types; keeps a pasted page of text out of the parser. */
export const BASE_URL_MAX = 2048;

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export function normalizeBaseUrl(typed: string): BaseUrlCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'base_url_required' };
  if (text.length > BASE_URL_MAX || /\s/.test(text)) return { ok: false, problem: 'base_url_format' };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return { ok: false, problem: 'base_url_scheme' };
  if (scheme !== undefined && !(scheme in DEFAULT_PORTS)) return { ok: false, problem: 'base_url_scheme' };
  const withScheme = scheme === undefined ? `http://${text}` : text;
  // The authority is what stands between `//` and the first / ? or #: everything after is the page.
  const authority = withScheme.slice(withScheme.indexOf('//') + 2).split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, problem: 'base_url_credentials' };
  const parts = /^(\[[0-9a-f:.]+\]|[^:[\]]*)(?::(\d*))?$/i.exec(authority);
  if (!parts) return { ok: false, problem: 'base_url_format' };
  const host = (parts[1] ?? '').toLowerCase();
  const portText = parts[2];
  const hostProblem = checkHost(host);
  if (hostProblem) return { ok: false, problem: hostProblem };
  let port = '';
  if (portText !== undefined) {
    const number = Number(portText);
    if (portText === '' || portText.length > 5 || !Number.isInteger(number) || number < 1 || number > 65535) return { ok: false, problem: 'base_url_port' };
    port = number === DEFAULT_PORTS[scheme ?? 'http'] ? '' : `:${number}`;
  }
  return { ok: true, url: `${scheme ?? 'http'}://${host}${port}` };
}

/**
 * What makes two addresses the same server: scheme, host and port, the default port written out
 * (`http://a` and `http://a:80` are one backend). Null for an address that does not normalise.
 */
export function sameServerKey(typed: string): string | null {
  const checked = normalizeBaseUrl(typed);
  if (!checked.ok) return null;
  const url = new URL(checked.url);
  const scheme = url.protocol.slice(0, -1);
  return `${scheme}://${url.hostname}:${url.port || String(DEFAULT_PORTS[scheme])}`;
}

function checkHost(host: string): BaseUrlProblem | null {
  if (host === '') return 'base_url_format';
  if (host.startsWith('[')) {
    try {
      new URL(`http://${host}/`);
      return null;
    } catch {
      return 'base_url_ip';
    }
  }
  // Digits and dots only is meant as an IPv4 address: four parts, each 0–255.
  if (/^[\d.]+$/.test(host)) {
    const octets = host.split('.');
    const valid = octets.length === 4 && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
    return valid ? null : 'base_url_ip';
  }
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length > 253 || !name.split('.').every((label) => LABEL.test(label))) return 'base_url_host';
  // A last label of digits is not a name (WHATWG parses it as an IPv4 address).
  if (/^\d+$/.test(name.split('.').pop() ?? '')) return 'base_url_ip';
  return null;
}
