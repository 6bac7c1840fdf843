import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import { VerdictBadge } from '../../components/verdict-badge.tsx';
import { formatDateTime } from '../../date-time.ts';
import { backendsStore, useBackends } from '../../stores/backends.ts';

/** The site's backends: name, system, address, and the last test's verdict and time. */
export function BackendList({ siteName, onAdd }: { readonly siteName: string; readonly onAdd: () => void }) {
  const { t } = useTranslation();
  const backends = useBackends((s) => s.backends);
  const loaded = useBackends((s) => s.loaded);
  const loading = useBackends((s) => s.loading);
  const selectedId = useBackends((s) => s.selectedId);

  return (
    <section className="card card-flush" aria-labelledby="backends-list-title" aria-busy={loading}>
      <div className="card-head">
        <h2 id="backends-list-title" className="card-title">
          {t('backends.listTitle', { site: siteName })}
        </h2>
        <button type="button" className="button button-primary button-small" data-testid="backend-add" onClick={onAdd}>
          {t('backends.add')}
        </button>
      </div>
      {!loaded ? (
        <p className="empty">{loading ? t('common.loading') : ''}</p>
      ) : backends.length === 0 ? (
        <p className="empty" data-testid="backends-empty">
          {t('backends.empty')}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('backends.columns.name')}</th>
              <th scope="col">{t('backends.columns.vendor')}</th>
              <th scope="col">{t('backends.columns.url')}</th>
              <th scope="col">{t('backends.columns.lastTest')}</th>
            </tr>
          </thead>
          <tbody>
            {backends.map((backend) => (
              <Row key={backend.id} backend={backend} selected={backend.id === selectedId} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Row({ backend, selected }: { readonly backend: Backend; readonly selected: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-testid="backend-row" data-backend-id={backend.id} className={selected ? 'backend-row is-selected' : 'backend-row'}>
      <td>
        <button
          type="button"
          className="link-button"
          aria-pressed={selected}
          data-testid="backend-open"
          onClick={() => backendsStore.getState().select(selected ? null : backend.id)}
        >
          {backend.name}
        </button>
      </td>
      <td className="nowrap">{t(`backends.vendors.${backend.vendor}`)}</td>
      <td className="mono selectable">{backend.baseUrl}</td>
      <td className="nowrap">
        {backend.lastTest ? (
          <span className="last-test">
            <VerdictBadge of="connection" verdict={backend.lastTest.verdict} />
            <time className="hint" dateTime={backend.lastTest.at}>
              {formatDateTime(backend.lastTest.at, i18n.language)}
            </time>
          </span>
        ) : (
          <span className="hint">{t('backends.neverTested')}</span>
        )}
      </td>
    </tr>
  );
}
