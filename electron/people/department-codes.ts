import type { Backend, BackendId, Department } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { KEEPS_DEPARTMENTS, matchDepartment } from '../../shared/rules/departments.ts';
import type { InventoryTable } from '../store/inventory-table.ts';

/** What a typed department is for the backends a person goes to. */
export type DepartmentResolution =
  /** None of the backends files people under a department (Hongtu): kept as typed, sent nowhere. */
  | { readonly kind: 'kept' }
  /** The backends keep departments, but their lists were never read: kept as typed, not checked. */
  | { readonly kind: 'unchecked'; readonly backends: readonly string[] }
  /** The backends' code (the value was that code, or the name of that department). */
  | { readonly kind: 'resolved'; readonly code: string; readonly name: string; readonly byName: boolean }
  | { readonly kind: 'unknown'; readonly backend: string }
  /** Two departments of the name, or different codes on two backends: only a code says which. */
  | { readonly kind: 'ambiguous'; readonly backend: string; readonly codes: readonly string[] };

interface Deps {
  readonly backends: { get(id: BackendId): Backend; list(siteId?: number): Backend[]; readParts(id: BackendId, parts: readonly 'departments'[]): Promise<boolean> };
  readonly inventory: Pick<InventoryTable, 'load'>;
}

/**
 * Departments are chosen from the backend's own list and stored as its code (ZKBio deptCode,
 * §2.14.1; a name there is refused with −13 "The department number does not exist"). This maps a
 * department typed as a code or a name onto the code, with the lists of the inventory the core
 * stored (so it works offline), for enrollment, edits and the import's dry run alike.
 */
export class DepartmentCodes {
  private readonly deps: Deps;

  constructor(deps: Deps) {
    this.deps = deps;
  }

  /** The department lists of these backends, for the backends that keep departments (null: never read). */
  listsOf(backendIds: readonly BackendId[]): { backend: Backend; departments: readonly Department[] | null }[] {
    return backendIds
      .map((id) => this.deps.backends.get(id))
      .filter((b) => KEEPS_DEPARTMENTS[b.vendor])
      .map((backend) => {
        const departments = this.deps.inventory.load(backend.id)?.departments ?? [];
        // Every ZKBio install has its root department: an empty list is one never read.
        return { backend, departments: departments.length > 0 ? departments : null };
      });
  }

  /** Reads the department list of those backends that keep departments and have none stored (when they answer). */
  async readMissing(backendIds: readonly BackendId[]): Promise<void> {
    for (const { backend, departments } of this.listsOf(backendIds)) {
      if (departments === null) await this.deps.backends.readParts(backend.id, ['departments']);
    }
  }

  /** The site's backends that keep departments: the import's dry run checks against them all. */
  siteBackends(siteId: number): BackendId[] {
    return this.deps.backends.list(siteId).filter((b) => KEEPS_DEPARTMENTS[b.vendor]).map((b) => b.id);
  }

  /** resolve() over these backends, for the import's dry run. */
  resolverFor(backendIds: readonly BackendId[]): (value: string) => DepartmentResolution {
    return (value) => this.resolve(value, backendIds);
  }

  resolve(value: string, backendIds: readonly BackendId[]): DepartmentResolution {
    const lists = this.listsOf(backendIds);
    if (lists.length === 0) return { kind: 'kept' };
    const read = lists.flatMap((l) => (l.departments ? [{ backend: l.backend, departments: l.departments }] : []));
    if (read.length === 0) return { kind: 'unchecked', backends: lists.map((l) => l.backend.name) };
    let found: Extract<DepartmentResolution, { kind: 'resolved' }> | null = null;
    for (const { backend, departments } of read) {
      const match = matchDepartment(value, departments);
      if (match.kind === 'unknown') return { kind: 'unknown', backend: backend.name };
      if (match.kind === 'ambiguous') return { kind: 'ambiguous', backend: backend.name, codes: match.codes };
      if (found && found.code !== match.code) return { kind: 'ambiguous', backend: backend.name, codes: [found.code, match.code] };
      found ??= { kind: 'resolved', code: match.code, name: match.name, byName: match.kind === 'name' };
    }
    return found ?? { kind: 'kept' };
  }

  /**
   * The department to store for a person going to these backends: the code, or the value as typed
   * where no list can say. A department no list has is refused as the person's input.
   */
  codeFor(value: string, backendIds: readonly BackendId[], path: readonly (string | number)[]): string {
    const resolution = this.resolve(value, backendIds);
    switch (resolution.kind) {
      case 'resolved':
        return resolution.code;
      case 'unknown':
        throw departmentIssue(path, 'department_unknown', `There is no department "${value}" on ${resolution.backend}: pick one from its list, or give its code.`);
      case 'ambiguous':
        throw departmentIssue(path, 'department_ambiguous', `"${value}" names more than one department on ${resolution.backend} (codes ${resolution.codes.join(', ')}): give the code.`);
      default:
        return value;
    }
  }
}

function departmentIssue(path: readonly (string | number)[], code: string, message: string): ApiError {
  return new ApiError('invalid_input', message, { issues: [{ path: [...path], code: 'custom', message: code }] });
}
