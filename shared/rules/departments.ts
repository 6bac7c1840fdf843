import type { Department, Vendor } from '../contract/backends.ts';

/**
 * Which vendors file a person under a department of their own list: ZKBio's `deptCode` (§2.14.1,
 * a code from department/getDepartmentList §2.6.6; an unknown one is −13), K30's `deptno`. Hongtu's
 * OpenAPI has no department at all; the Zhejiang platform's bridge does not send one.
 */
export const KEEPS_DEPARTMENTS: Readonly<Record<Vendor, boolean>> = { zkbio: true, hongtu: false, k30: true, zhejiang: false };

/** What a typed department (a code or a name) is on a backend's list. */
type DepartmentMatch =
  | { readonly kind: 'code'; readonly code: string; readonly name: string }
  | { readonly kind: 'name'; readonly code: string; readonly name: string }
  /** Two departments of that name (under different parents): only the code says which. */
  | { readonly kind: 'ambiguous'; readonly codes: readonly string[] }
  | { readonly kind: 'unknown' };

const folded = (s: string) => s.trim().toLowerCase();

/**
 * A department as a person's form or an import row gives it, on a backend's list: a code is taken
 * as it is (a code wins over a name that happens to equal another department's code), else a name,
 * compared without case or surrounding spaces.
 */
export function matchDepartment(value: string, departments: readonly Department[]): DepartmentMatch {
  const typed = value.trim();
  const byCode = departments.find((d) => d.id === typed);
  if (byCode) return { kind: 'code', code: byCode.id, name: byCode.name };
  const byName = departments.filter((d) => folded(d.name) === folded(typed));
  const [only] = byName;
  if (byName.length === 1 && only) return { kind: 'name', code: only.id, name: only.name };
  if (byName.length > 1) return { kind: 'ambiguous', codes: byName.map((d) => d.id) };
  return { kind: 'unknown' };
}
