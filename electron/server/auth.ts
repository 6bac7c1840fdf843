import { timingSafeEqual } from 'node:crypto';

/** The cookie that carries the token after the first visit; named per port (cookies ignore ports). */
export function cookieName(port: number): string {
  return `doorman_token_${port}`;
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The hosts a browser may name for us. Anything else is a DNS-rebinding attempt or a mistake. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * Browsers always send Origin on a WebSocket upgrade; it must be our own page. Non-browser
 * clients (the tests, scripts) send none and are let through on the token alone.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export interface TokenSources {
  readonly url: URL;
  readonly authorization?: string | undefined;
  readonly cookie?: string | undefined;
}

/** The token a request presents: `?token=`, `Authorization: Bearer`, or our cookie. */
export function presentedToken({ url, authorization, cookie }: TokenSources, port: number): string | undefined {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const name = cookieName(port);
  for (const part of cookie?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
