/**
 * The local web server's token, as the page holds it. The link `npm run web` prints carries it in
 * the fragment (`#token=…`), which a browser never sends to any server; links from older versions
 * carry it as `?token=`. The page moves it into sessionStorage and takes it out of the address bar
 * and history. sessionStorage is scoped to the origin, port included, and to the tab: no other
 * server on 127.0.0.1 can read it, and nothing sends it by itself (a cookie would go to every port).
 * The WebSocket transport presents it to our server only.
 */
const STORAGE_KEY = 'doorman.token';

/** The token a link carries (fragment first, then query), and the same address without it. */
export function splitToken(href: string): { token: string | null; address: string } {
  const url = new URL(href);
  const inFragment = new URLSearchParams(url.hash.replace(/^#/, '')).get('token');
  const inQuery = url.searchParams.get('token');
  if (inFragment) url.hash = '';
  if (inQuery !== null) url.searchParams.delete('token');
  return { token: inFragment || inQuery || null, address: `${url.pathname}${url.search}${url.hash}` };
}

/** What adoptPageToken needs of the browser (a window; a plain object in unit tests). */
interface PageSurroundings {
  readonly location: { readonly href: string };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Moves a token found in the address into sessionStorage and rewrites the address without it
 * (no new history entry). Runs once, before the app reads its route from the hash.
 */
export function adoptPageToken(page: PageSurroundings): void {
  const { token, address } = splitToken(page.location.href);
  if (!token) return;
  page.sessionStorage.setItem(STORAGE_KEY, token);
  page.history.replaceState(null, '', address);
}

/** The token this tab holds, or null (opened without the link, or not in a browser). */
export function pageToken(): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
}
