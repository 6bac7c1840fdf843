import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import type { ImportPlan } from '../../stores/imports.ts';
import { backendNames } from './import-logic.ts';

/** The first rows the import would save: each a new person, or an update of one already on the site (and where). */
export function PlanPreview({ preview, backends }: { preview: ImportPlan['preview']; backends: readonly Backend[] }) {
  const { t } = useTranslation();
  if (preview.length === 0) return null;
  const nameOf = (id: number) => backends.find((b) => b.id === id)?.name;
  return (
    <>
      <h3 className="import-subtitle">{t('importPage.previewTitle', { count: preview.length })}</h3>
      <table className="table" data-testid="import-preview">
        <thead>
          <tr>
            <th>{t('importPage.preview.row')}</th>
            <th>{t('importPage.preview.pin')}</th>
            <th>{t('importPage.preview.name')}</th>
            <th>{t('importPage.preview.photo')}</th>
            <th>{t('importPage.preview.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.map((r) => (
            <tr key={r.row} data-testid="import-preview-row" data-pin={r.pin} data-kind={r.existing ? 'update' : 'new'}>
              <td>{r.row}</td>
              <td className="mono">{r.pin}</td>
              <td>{r.name}</td>
              <td className="mono">{r.photo ?? <span className="hint">{t('importPage.noPhoto')}</span>}</td>
              <td>
                {r.existing
                  ? t('importPage.kindUpdate', { backends: r.existing.length > 0 ? backendNames(r.existing, nameOf, t('importPage.listSeparator')) : t('importPage.onNoBackend') })
                  : t('importPage.kindNew')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
