import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend, BackendId } from '../../../shared/contract/backends.ts';
import { Badge } from './badge.tsx';
import { inventoryOf, inventoryStore, useInventory } from '../stores/inventory.ts';

/** The chosen backends, each with its chosen access level ids. */
export type Targets = Readonly<Record<BackendId, readonly string[]>>;

export function targetList(targets: Targets): { backendId: BackendId; accessLevelIds: string[] }[] {
  return Object.entries(targets).map(([backendId, levels]) => ({ backendId: Number(backendId), accessLevelIds: [...levels] }));
}

/**
 * A checkbox per backend and, once ticked, its access levels / groups from the stored inventory
 * (`refresh: false`, so it works with the backend out of reach). Used by the Enroll and Import pages.
 */
export function TargetPicker({ backends, targets, onChange, testIdPrefix, disabled = false }: {
  backends: readonly Backend[];
  targets: Targets;
  onChange: (targets: Targets) => void;
  /** `<prefix>-target` and `<prefix>-level` test ids. */
  testIdPrefix: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const inventoryState = useInventory((s) => s);
  const ticked = Object.keys(targets).join(',');

  // Targets ticked from the start (People → Edit: the person's backends) show their levels too.
  useEffect(() => {
    for (const id of ticked === '' ? [] : ticked.split(',').map(Number)) {
      const state = inventoryOf(inventoryStore.getState(), id);
      if (!state.loaded && state.loading === null) void inventoryStore.getState().load(id, false);
    }
  }, [ticked]);

  function toggleTarget(id: BackendId, on: boolean) {
    const next: Record<BackendId, readonly string[]> = { ...targets };
    if (on) next[id] = [];
    else delete next[id];
    onChange(next);
  }

  function toggleLevel(id: BackendId, levelId: string, on: boolean) {
    const levels = targets[id] ?? [];
    onChange({ ...targets, [id]: on ? [...levels, levelId] : levels.filter((l) => l !== levelId) });
  }

  if (backends.length === 0) return <p className="empty">{t('enroll.noBackends')}</p>;
  return (
    <>
      {backends.map((b) => {
        const on = targets[b.id] !== undefined;
        const inv = inventoryOf(inventoryState, b.id);
        return (
          <fieldset key={b.id} className="enroll-target" disabled={disabled}>
            <label className="choice">
              <input type="checkbox" data-testid={`${testIdPrefix}-target`} data-backend-id={b.id} checked={on} onChange={(e) => toggleTarget(b.id, e.target.checked)} />
              {b.name} <Badge tone="neutral">{b.vendor}</Badge>
            </label>
            {on ? (
              <div className="enroll-levels">
                {inv.loading ? <span className="hint">{t('common.loading')}</span> : null}
                {inv.loaded && (inv.inventory?.accessLevels.length ?? 0) === 0 ? <span className="hint">{t('enroll.noLevels')}</span> : null}
                {inv.inventory?.accessLevels.map((level) => (
                  <label key={level.id} className="choice">
                    <input
                      type="checkbox"
                      data-testid={`${testIdPrefix}-level`}
                      data-backend-id={b.id}
                      data-level-id={level.id}
                      checked={targets[b.id]?.includes(level.id) ?? false}
                      onChange={(e) => toggleLevel(b.id, level.id, e.target.checked)}
                    />
                    {level.name}
                  </label>
                ))}
              </div>
            ) : null}
          </fieldset>
        );
      })}
    </>
  );
}
