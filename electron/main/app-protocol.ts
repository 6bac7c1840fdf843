import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../core/content-security-policy.ts';
import { contentTypeFor, resolveStaticPath } from '../core/static-files.ts';
import { APP_HOST, APP_SCHEME } from './window-options.ts';

/** Must run before `app` is ready: app:// is a standard, secure origin (CSP 'self', camera). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://doorman/ with our security headers; nothing outside it. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(path) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
