import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendId, Inventory } from '../../../../shared/contract/backends.ts';
import { formatDateTime } from '../../date-time.ts';
import { inventoryOf, inventoryStore, useInventory } from '../../stores/inventory.ts';
import { useErrorText } from '../../use-error-text.ts';
import { DepartmentsTable, DevicesTable, DoorsTable, LevelsTable, ReadersTable } from './inventory-tables.tsx';

const TABS = ['devices', 'doors', 'readers', 'accessLevels', 'departments'] as const;
type Tab = (typeof TABS)[number];

/**
 * What the backend holds, as the core stored it at the last refresh: it shows with the backend out
 * of reach. "Refresh" reads it from the backend again, part by part: a tab whose part could not be
 * read is marked, and its panel says why above the rows stored before.
 */
export function InventoryView({ backendId }: { readonly backendId: BackendId }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const state = useInventory((s) => inventoryOf(s, backendId));
  const [tab, setTab] = useState<Tab>('devices');
  const inventory = state.inventory;

  return (
    <section className="card card-flush" aria-labelledby="inventory-title" aria-busy={state.loading !== null} data-testid="inventory">
      <div className="card-head">
        <div>
          <h3 id="inventory-title" className="card-title">
            {t('backends.inventory.title')}
          </h3>
          <p className="hint" data-testid="inventory-stored-at">
            {inventory
              ? t('backends.inventory.storedAt', { time: formatDateTime(inventory.refreshedAt, i18n.language) })
              : state.loaded
                ? t('backends.inventory.never')
                : t('common.loading')}
          </p>
        </div>
        <button
          type="button"
          className="button button-small"
          disabled={state.loading !== null}
          data-testid="inventory-refresh"
          onClick={() => void inventoryStore.getState().load(backendId, true)}
        >
          {state.loading === 'refresh' && <span className="spinner spinner-small" aria-hidden="true" />}
          {state.loading === 'refresh' ? t('backends.inventory.refreshing') : t('backends.inventory.refresh')}
        </button>
      </div>
      {state.error && (
        <div className="alert alert-error alert-inset" role="alert" data-testid="inventory-error">
          <p className="alert-text">
            {errorText(state.error)} {inventory ? t('backends.inventory.showingStored') : ''}
          </p>
        </div>
      )}
      {inventory && (
        <>
          <div className="tabs" role="tablist" aria-label={t('backends.inventory.title')}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`inventory-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="inventory-panel"
                className={tab === id ? 'tab is-active' : 'tab'}
                data-testid={`inventory-tab-${id}`}
                onClick={() => setTab(id)}
              >
                {t(`backends.inventory.tabs.${id}`)} <span className="tab-count">{inventory[id].length}</span>
                {inventory.partErrors?.[id] && (
                  <span className="tab-failed" data-testid={`inventory-tab-failed-${id}`}>
                    {t('backends.inventory.partFailedMark')}
                  </span>
                )}
              </button>
            ))}
          </div>
          <div id="inventory-panel" role="tabpanel" aria-labelledby={`inventory-tab-${tab}`}>
            <PartError tab={tab} inventory={inventory} />
            <TabContent tab={tab} inventory={inventory} />
          </div>
        </>
      )}
    </section>
  );
}

/** Why the refresh could not read this part (the others were read); its rows are the stored ones. */
function PartError({ tab, inventory }: { readonly tab: Tab; readonly inventory: Inventory }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const error = inventory.partErrors?.[tab];
  if (!error) return null;
  return (
    <div className="alert alert-error alert-inset" role="alert" data-testid="inventory-part-error">
      <p className="alert-text">
        {t('backends.inventory.partFailed', { part: t(`backends.inventory.tabs.${tab}`), error: errorText(error) })} {t('backends.inventory.partShowingStored')}
      </p>
    </div>
  );
}

function TabContent({ tab, inventory }: { readonly tab: Tab; readonly inventory: Inventory }) {
  switch (tab) {
    case 'devices':
      return <DevicesTable inventory={inventory} />;
    case 'doors':
      return <DoorsTable inventory={inventory} />;
    case 'readers':
      return <ReadersTable inventory={inventory} />;
    case 'accessLevels':
      return <LevelsTable inventory={inventory} />;
    case 'departments':
      return <DepartmentsTable inventory={inventory} />;
  }
}
