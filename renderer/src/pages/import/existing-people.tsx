import { useTranslation } from 'react-i18next';
import type { Backend, BackendId } from '../../../../shared/contract/backends.ts';
import type { ImportPlan } from '../../stores/imports.ts';
import { backendNames, MAX_UPDATE_ROWS } from './import-logic.ts';

/**
 * The dry run's rows that update people the site already has (same personnel number), each with
 * every backend that person is on: the import updates them on the backends chosen below, and a
 * later delete removes them from all of those.
 */
export function ExistingPeople({ updates, backends }: { updates: ImportPlan['updates']; backends: readonly Backend[] }) {
  const { t } = useTranslation();
  if (updates.length === 0) return null;
  const nameOf = (id: BackendId) => backends.find((b) => b.id === id)?.name;
  const shown = updates.slice(0, MAX_UPDATE_ROWS);
  return (
    <>
      <h3 className="import-subtitle">{t('importPage.updatesTitle', { count: updates.length })}</h3>
      <p className="hint">{t('importPage.updatesIntro')}</p>
      <table className="table" data-testid="import-updates">
        <thead>
          <tr>
            <th>{t('importPage.preview.row')}</th>
            <th>{t('importPage.preview.pin')}</th>
            <th>{t('importPage.preview.name')}</th>
            <th>{t('importPage.alreadyOn')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr key={u.row} data-testid="import-update-row" data-row={u.row} data-pin={u.pin} data-backends={u.backendIds.join(',')}>
              <td>{u.row}</td>
              <td className="mono">{u.pin}</td>
              <td>{u.name}</td>
              <td>{u.backendIds.length > 0 ? backendNames(u.backendIds, nameOf, t('importPage.listSeparator')) : <span className="hint">{t('importPage.onNoBackend')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {updates.length > shown.length ? <p className="hint">{t('importPage.updatesMore', { count: updates.length - shown.length })}</p> : null}
    </>
  );
}
