/**
 * The renderer's Content-Security-Policy, sent as a header by the local web server and by the
 * Electron shell's app:// protocol (index.html carries the same policy in a meta tag, less
 * frame-ancestors, which a meta tag cannot set). Nothing but our own origin; no eval, no inline script.
 *
 * The one exception is 'wasm-unsafe-eval': it lets the page compile WebAssembly (the face
 * detector's tfjs WASM backend, loaded from our own origin) and nothing else — JavaScript eval,
 * new Function and inline script stay blocked.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of ours carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
