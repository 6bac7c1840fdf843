import type { Backend, BackendId, Inventory } from '../../../shared/contract/backends.ts';
import { KEEPS_DEPARTMENTS } from '../../../shared/rules/departments.ts';

/** What the department picker offers for the chosen backends. */
interface DepartmentChoice {
  /** No backend chosen yet / none of the chosen keeps departments (Hongtu) / lists to pick from. */
  readonly state: 'no-target' | 'none-keep' | 'list';
  /** The backend's departments, one per code (the code is what is stored and sent). */
  readonly options: readonly { readonly code: string; readonly name: string }[];
  /** Chosen backends that keep departments whose list was never read. */
  readonly unread: readonly string[];
  /** Chosen backends that keep none (Hongtu): the department does not go there. */
  readonly without: readonly string[];
  /** The current value when no option has it (typed before, or another backend's code). */
  readonly stray: string | null;
}

/** The departments of the chosen backends' stored inventories (ZKBio's list; Hongtu has none). */
export function departmentChoice(chosen: readonly Backend[], inventories: (id: BackendId) => Inventory | null, value: string | undefined): DepartmentChoice {
  const keeping = chosen.filter((b) => KEEPS_DEPARTMENTS[b.vendor]);
  const without = chosen.filter((b) => !KEEPS_DEPARTMENTS[b.vendor]).map((b) => b.name);
  const byCode = new Map<string, string>();
  const unread: string[] = [];
  for (const backend of keeping) {
    const departments = inventories(backend.id)?.departments ?? [];
    if (departments.length === 0) unread.push(backend.name);
    for (const d of departments) if (!byCode.has(d.id)) byCode.set(d.id, d.name);
  }
  const options = [...byCode].map(([code, name]) => ({ code, name }));
  const stray = value !== undefined && value !== '' && !byCode.has(value) ? value : null;
  const state = chosen.length === 0 ? 'no-target' : keeping.length === 0 ? 'none-keep' : 'list';
  return { state, options, unread, without, stray };
}

/** An option's text: the name, with the code when another department has the same name. */
export function departmentLabel(option: { code: string; name: string }, options: readonly { code: string; name: string }[]): string {
  return options.filter((o) => o.name === option.name).length > 1 ? `${option.name} (${option.code})` : option.name;
}
