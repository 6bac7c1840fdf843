import { useTranslation } from 'react-i18next';
import type { Backend, BackendId } from '../../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../../shared/contract/errors.ts';
import { sameServerKey } from '../../../../shared/rules/base-url.ts';
import { hrefFor } from '../../routes.ts';
import { backendsStore, useBackends } from '../../stores/backends.ts';

/**
 * The backend of the current site at the same server (scheme, host, port) as an address, other
 * than `except`: one server is one backend (issue 12 item 4), so a screen opens it instead.
 */
export function useSameServer(baseUrl: string, except: BackendId | null): Backend | null {
  const backends = useBackends((s) => s.backends);
  const key = sameServerKey(baseUrl);
  if (key === null) return null;
  return backends.find((b) => b.id !== except && sameServerKey(b.baseUrl) === key) ?? null;
}

/** The backend the core named when it refused a second one at the same server. */
export function alreadyAddedOf(error: ApiErrorBody | null): { id: BackendId; name: string; baseUrl: string } | null {
  if (error?.code !== 'backend_already_added') return null;
  const { id, name, baseUrl } = error.details ?? {};
  return typeof id === 'number' && typeof name === 'string' && typeof baseUrl === 'string' ? { id, name, baseUrl } : null;
}

/** Opens a backend's view on the Backends page. */
export function openBackend(id: BackendId): void {
  const store = backendsStore.getState();
  store.clearError();
  store.clearDraft();
  store.select(id);
  location.hash = hrefFor('backends');
}

/** "This server is already a backend of this site: … Open it." */
export function AlreadyAdded({ backend, onOpen }: { readonly backend: { id: BackendId; name: string; baseUrl: string }; readonly onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning" role="alert" data-testid="backend-already-added" data-backend-id={backend.id}>
      <p className="alert-text">{t('errors.backend_already_added', { name: backend.name, baseUrl: backend.baseUrl })}</p>
      <div className="alert-actions">
        <button type="button" className="button button-small button-primary" data-testid="backend-open-existing" onClick={onOpen}>
          {t('backendAddress.openExisting')}
        </button>
      </div>
    </div>
  );
}
