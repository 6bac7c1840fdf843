import { useTranslation } from 'react-i18next';
import type { ImportPlan } from '../../stores/imports.ts';

/** The dry run's departments: each as the file wrote it (a name or a code), and the backend's department and code it is stored as. */
export function DepartmentMapping({ departments }: { departments: ImportPlan['departments'] }) {
  const { t } = useTranslation();
  if (departments.length === 0) return null;
  return (
    <>
      <h3 className="import-subtitle">{t('departments.mappingTitle')}</h3>
      <p className="hint">{t('departments.mappingIntro')}</p>
      <table className="table" data-testid="import-departments">
        <thead>
          <tr>
            <th>{t('departments.mappingColumns.value')}</th>
            <th>{t('departments.mappingColumns.name')}</th>
            <th>{t('departments.mappingColumns.code')}</th>
            <th>{t('departments.mappingColumns.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.value} data-testid="import-department-row" data-value={d.value} data-code={d.code}>
              <td>{d.value}</td>
              <td>{d.name}</td>
              <td className="mono">{d.code}</td>
              <td>{d.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
