import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { backendsStore, testStateOf, useBackends } from '../../stores/backends.ts';
import { inventoryStore } from '../../stores/inventory.ts';
import { announce } from '../../stores/status.ts';
import { CapabilitiesView } from './capabilities-view.tsx';
import { InventoryView } from './inventory-view.tsx';
import { VerdictCard } from './verdict-card.tsx';
import { SetupWizard, hasWizard } from './wizards/setup-wizard.tsx';

/** One backend: test it, see what it can do and what it holds, run its set-up steps. */
export function BackendView({ backend, onEdit }: { readonly backend: Backend; readonly onEdit: () => void }) {
  const { t } = useTranslation();
  const testing = useBackends((s) => testStateOf(s.tests, backend.id).running);
  const [removing, setRemoving] = useState(false);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [wizardOpen, setWizardOpen] = useState(false);

  useEffect(() => {
    void inventoryStore.getState().load(backend.id, false);
    void inventoryStore.getState().loadCapabilities(backend.id);
  }, [backend.id]);

  async function remove() {
    setRemoveBusy(true);
    const ok = await backendsStore.getState().remove(backend.id);
    setRemoveBusy(false);
    setRemoving(false);
    if (ok) {
      inventoryStore.getState().forget(backend.id);
      announce('backends.remove.done', { name: backend.name });
    }
  }

  return (
    <section className="backend-view" aria-labelledby="backend-view-title" data-testid="backend-view">
      <header className="card backend-view-head">
        <div className="backend-view-id">
          <h2 id="backend-view-title" className="backend-view-title">
            {backend.name}
          </h2>
          <p className="hint">
            {t(`backends.vendors.${backend.vendor}`)} · <span className="mono selectable">{backend.baseUrl}</span> ·{' '}
            {t(`backends.form.tlsModes.${backend.tls}`)}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button button-primary" disabled={testing} data-testid="backend-test" onClick={() => void backendsStore.getState().test(backend.id)}>
            {testing && <span className="spinner spinner-small spinner-light" aria-hidden="true" />}
            {testing ? t('backends.view.testing') : t('backends.view.test')}
          </button>
          {hasWizard(backend.vendor) && (
            <button type="button" className="button" aria-expanded={wizardOpen} data-testid="wizard-open" onClick={() => setWizardOpen((open) => !open)}>
              {t('wizard.open')}
            </button>
          )}
          <button type="button" className="button" data-testid="backend-edit" onClick={onEdit}>
            {t('backends.view.edit')}
          </button>
          <button type="button" className="button button-danger-quiet" data-testid="backend-remove" onClick={() => setRemoving(true)}>
            {t('backends.view.remove')}
          </button>
        </div>
      </header>

      <VerdictCard backend={backend} />
      {wizardOpen && <SetupWizard backend={backend} onClose={() => setWizardOpen(false)} />}
      <CapabilitiesView backendId={backend.id} />
      <InventoryView backendId={backend.id} />

      <ConfirmDialog
        open={removing}
        title={t('backends.remove.title')}
        confirmLabel={t('backends.view.remove')}
        confirmTestId="confirm-remove"
        danger
        busy={removeBusy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(false)}
      >
        <p>{t('backends.remove.confirm', { name: backend.name })}</p>
      </ConfirmDialog>
    </section>
  );
}
