import { timingSafeEqual } from 'node:crypto';
import { WS_TOKEN_PROTOCOL_PREFIX } from '../../shared/contract/wire.ts';

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The hosts a browser may name for us. Anything else is a DNS-rebinding attempt or a mistake. */
function allowedHosts(port: number): string[] {
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

interface TokenSources {
  /** The upgrade's `Sec-WebSocket-Protocol` header: the subprotocols the client offers. */
  readonly protocols?: string | undefined;
  readonly authorization?: string | undefined;
}

/**
 * The token a WebSocket upgrade presents: offered as the subprotocol `doorman.token.<token>` (the
 * page) or as `Authorization: Bearer` (scripts, tests). Never a cookie (a browser sends cookies to
 * every port of 127.0.0.1) and never the URL (addresses end up in histories and logs).
 */
export function presentedToken({ protocols, authorization }: TokenSources): string | undefined {
  for (const offered of protocols?.split(',') ?? []) {
    const name = offered.trim();
    if (name.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) return name.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  }
  return authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}
