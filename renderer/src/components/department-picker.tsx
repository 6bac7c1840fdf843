import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../shared/contract/backends.ts';
import { KEEPS_DEPARTMENTS } from '../../../shared/rules/departments.ts';
import { inventoryOf, inventoryStore, useInventory } from '../stores/inventory.ts';
import { departmentChoice, departmentLabel } from './department-options.ts';

/**
 * The person's department, picked by name from the chosen backends' own lists (the stored
 * inventory) and kept as the backend's code, which is what ZKBio takes (deptCode). Hongtu has no
 * departments: said so, instead of a list. Used by Enroll and People → Edit.
 */
export function DepartmentPicker({ id, testId, chosen, value, onChange }: {
  readonly id: string;
  readonly testId: string;
  /** The backends the person goes to. */
  readonly chosen: readonly Backend[];
  readonly value: string | undefined;
  readonly onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const inventories = useInventory((s) => s);
  const choice = departmentChoice(chosen, (backendId) => inventoryOf(inventories, backendId).inventory, value);
  const keepingIds = chosen.filter((b) => KEEPS_DEPARTMENTS[b.vendor]).map((b) => b.id).join(',');

  // The lists come from the stored inventory: read it once for a backend this window has not.
  useEffect(() => {
    for (const backendId of keepingIds === '' ? [] : keepingIds.split(',').map(Number)) {
      const state = inventoryOf(inventoryStore.getState(), backendId);
      if (!state.loaded && state.loading === null) void inventoryStore.getState().load(backendId, false);
    }
  }, [keepingIds]);

  const hintId = `${id}-hint`;
  const hints: string[] = [];
  if (choice.state === 'no-target') hints.push(t('departments.chooseBackend'));
  if (choice.state === 'none-keep') hints.push(t('departments.noneKeep', { backends: choice.without.join(', ') }));
  if (choice.state === 'list' && choice.without.length > 0) hints.push(t('departments.notSentTo', { backends: choice.without.join(', ') }));
  if (choice.unread.length > 0) hints.push(t('departments.unread', { backends: choice.unread.join(', ') }));

  return (
    <>
      <select
        id={id}
        className="select"
        data-testid={testId}
        value={value ?? ''}
        disabled={choice.state !== 'list' && choice.stray === null}
        aria-describedby={hints.length > 0 ? hintId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">—</option>
        {choice.options.map((o) => (
          <option key={o.code} value={o.code}>
            {departmentLabel(o, choice.options)}
          </option>
        ))}
        {choice.stray !== null ? <option value={choice.stray}>{t('departments.notOnList', { value: choice.stray })}</option> : null}
      </select>
      {hints.length > 0 ? (
        <p className="hint" id={hintId} data-testid={`${testId}-hint`}>
          {hints.join(' ')}
        </p>
      ) : null}
    </>
  );
}
