import { z } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` after probing whether it may. Under the
 * app's Content-Security-Policy (no 'unsafe-eval') that probe is refused, and Chromium reports a
 * CSP violation on every page (issue 12 item 17: a clean console). Jitless, zod never probes;
 * the renderer's parses are small, so the interpreted path costs nothing a person notices.
 * Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
