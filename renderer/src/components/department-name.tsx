import { useEffect } from 'react';
import type { Backend } from '../../../shared/contract/backends.ts';
import type { Person } from '../../../shared/contract/people.ts';
import { KEEPS_DEPARTMENTS } from '../../../shared/rules/departments.ts';
import { inventoryOf, inventoryStore, useInventory } from '../stores/inventory.ts';

/**
 * A person's department by name: the code stored is looked up in the department lists of the
 * person's backends (stored inventories); a value no list has shows as written.
 */
export function DepartmentName({ person, backends }: { readonly person: Person; readonly backends: readonly Backend[] }) {
  const inventories = useInventory((s) => s);
  const keeping = person.targets.map((t) => backends.find((b) => b.id === t.backendId)).filter((b): b is Backend => b !== undefined && KEEPS_DEPARTMENTS[b.vendor]);
  const ids = keeping.map((b) => b.id).join(',');
  useEffect(() => {
    for (const id of ids === '' ? [] : ids.split(',').map(Number)) {
      const state = inventoryOf(inventoryStore.getState(), id);
      if (!state.loaded && state.loading === null) void inventoryStore.getState().load(id, false);
    }
  }, [ids]);
  const code = person.fields.department;
  if (code === undefined) return null;
  const name = keeping.map((b) => inventoryOf(inventories, b.id).inventory?.departments.find((d) => d.id === code)?.name).find((n) => n !== undefined);
  return <span data-testid="person-department" data-code={code} title={name !== undefined ? code : undefined}>{name ?? code}</span>;
}
