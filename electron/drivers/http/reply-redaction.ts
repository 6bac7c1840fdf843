import { REDACTED, redactString } from '../../log/redact.ts';

/** Shorter secrets are not searched for as text: a 3-character token would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;

/**
 * What a backend says is cleaned of credentials before Doorman reads it. A server may echo the
 * request — its URL with `?access_token=…`, a header — into an error message or a body, and from
 * there it would reach error messages, the CLI's text and `--json`, the stored connection test and
 * the outbox's last error. So the transport passes every reply (body, `Server` header, the text of
 * a network error) through here, once, and nothing downstream sees the secret:
 * - the backend's own credentials, as given and in each form a reply may carry them (URL-encoded
 *   either way, JSON-escaped), wherever they appear;
 * - any `name=value` pair whose name says secret (`access_token=`, `…key=`, `password=`), the
 *   logger's rule, so a credential Doorman does not know of is not repeated either.
 * Only credentials are replaced: the rest of the reply, JSON included, is left byte for byte.
 */
export class ReplyRedaction {
  private readonly patterns: readonly RegExp[];

  constructor(secrets: readonly string[]) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      forms.add(secret);
      forms.add(encodeURIComponent(secret));
      forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
      forms.add(JSON.stringify(secret).slice(1, -1));
    }
    // Longest first, so a form is never cut by a shorter one inside it; %-escapes in either case.
    this.patterns = [...forms]
      .sort((a, b) => b.length - a.length)
      .map((form) => new RegExp(escapeRegExp(form).replace(/%([0-9A-F]{2})/g, (_, hex: string) => `%(?:${hex}|${hex.toLowerCase()})`), 'g'));
  }

  text(text: string): string {
    let clean = text;
    for (const pattern of this.patterns) clean = clean.replace(pattern, REDACTED);
    return redactString(clean);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
