import { SiteNameSchema } from '../../../../shared/contract/sites.ts';

type SiteNameCheck = { ok: true; name: string } | { ok: false; key: string };

/**
 * The same rule the core applies (the contract's SiteNameSchema), checked as the user types. On
 * failure, `key` is the issue's validation key (catalog `validation.<key>`).
 */
export function checkSiteName(value: string): SiteNameCheck {
  const result = SiteNameSchema.safeParse(value);
  if (result.success) return { ok: true, name: result.data };
  return { ok: false, key: result.error.issues[0]?.message ?? 'invalid' };
}
