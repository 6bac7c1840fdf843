import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import type { Person } from '../../../../shared/contract/people.ts';
import { Badge } from '../../components/badge.tsx';
import { DepartmentName } from '../../components/department-name.tsx';
import { usePeopleSync } from '../../stores/people-sync.ts';
import { FaceThumb } from './face-thumb.tsx';
import { maskIdNumber } from './people-logic.ts';
import { SyncStateCell } from './sync-state-cell.tsx';

/**
 * The People table: photo, the person's fields, where they stand on each backend, and the row's
 * actions. Laid out to fit its card (no sideways scroll at 1280 px): long texts wrap, the actions
 * stack when the column is narrow.
 */
export function PeopleTable({
  people,
  busy,
  backends,
  backendName,
  onEdit,
  onDelete,
}: {
  readonly people: readonly Person[];
  readonly busy: boolean;
  /** The site's backends: a department is shown by its name from their lists. */
  readonly backends: readonly Backend[];
  readonly backendName: (id: number) => string;
  readonly onEdit: (person: Person) => void;
  readonly onDelete: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const byPerson = usePeopleSync((s) => s.byPerson);

  return (
    <table className="table people-table" data-testid="people-table">
      <thead>
        <tr>
          <th scope="col" className="people-col-photo">
            {t('people.columns.photo')}
          </th>
          <th scope="col" className="people-col-pin">
            {t('people.columns.pin')}
          </th>
          <th scope="col" className="people-col-name">
            {t('people.columns.name')}
          </th>
          <th scope="col" className="people-col-id">
            {t('people.columns.idNumber')}
          </th>
          <th scope="col" className="people-col-phone">
            {t('people.columns.phone')}
          </th>
          <th scope="col" className="people-col-department">
            {t('people.columns.department')}
          </th>
          <th scope="col" className="people-col-sync">
            {t('people.columns.sync')}
          </th>
          <th scope="col">{t('people.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id} data-testid="person-row" data-pin={p.fields.pin} data-person-id={p.id}>
            <td className="people-col-photo">
              <FaceThumb personId={p.id} faceSha256={p.faceSha256} name={p.fields.name} />
            </td>
            <td className="mono">{p.fields.pin}</td>
            <td>
              <span data-testid="person-name">{p.fields.name}</span>
              {p.faceSha256 ? null : (
                // Saved without a face (issue 12 item 2): marked, with the reason; Edit adds the face.
                <span className="people-no-face" title={p.noFaceReason}>
                  <Badge tone="warn" testId="person-no-face">
                    {p.noFaceReason ? t('noFace.markWithReason', { reason: p.noFaceReason }) : t('noFace.mark')}
                  </Badge>
                </span>
              )}
            </td>
            <td className="mono" data-testid="person-id-number">
              {maskIdNumber(p.fields.idNumber)}
            </td>
            <td className="mono">{p.fields.phone ?? ''}</td>
            <td>
              <DepartmentName person={p} backends={backends} />
            </td>
            <td>
              <SyncStateCell pin={p.fields.pin} states={byPerson.get(p.id) ?? []} backendName={backendName} />
              <div className="hint people-row-targets" data-testid="person-row-targets">
                {p.targets.map((target) => backendName(target.backendId)).join(', ')}
              </div>
            </td>
            <td>
              <div className="people-actions">
                <button type="button" className="button button-small" data-testid="person-edit" disabled={busy} onClick={() => onEdit(p)}>
                  {t('people.edit')}
                </button>
                <button type="button" className="button button-small button-danger-quiet" data-testid="person-delete" disabled={busy} onClick={() => onDelete(p)}>
                  {t('common.delete')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
