import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../date-time.ts';
import { doorTestSetupStore, useDoorTestSetup } from '../../stores/door-test-setup.ts';

/** Which backend's doors to test, and a button to read its inventory again. */
export function BackendPicker({ disabled }: { readonly disabled: boolean }) {
  const { t, i18n } = useTranslation();
  // The selector returns the stored array itself: a new [] per call would re-render forever.
  const backends = useDoorTestSetup((s) => s.backends) ?? [];
  const backendId = useDoorTestSetup((s) => s.backendId);
  const refreshing = useDoorTestSetup((s) => s.refreshing);
  const refreshedAt = useDoorTestSetup((s) => s.inventory?.refreshedAt ?? null);

  return (
    <div className="door-test-row">
      <label className="door-test-field">
        <span className="field-label">{t('doorTests.backend')}</span>
        <select
          className="select"
          value={backendId === null ? '' : String(backendId)}
          disabled={disabled || backends.length === 0}
          data-testid="doortest-backend"
          onChange={(event) => void doorTestSetupStore.getState().chooseBackend(event.target.value === '' ? null : Number(event.target.value))}
        >
          {backends.map((backend) => (
            <option key={backend.id} value={String(backend.id)}>
              {backend.name.includes(backend.vendor) ? backend.name : `${backend.name} (${backend.vendor})`}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={disabled || backendId === null || refreshing}
        data-testid="doortest-refresh-inventory"
        onClick={() => void doorTestSetupStore.getState().refreshInventory()}
      >
        {refreshing ? t('doorTests.refreshing') : t('doorTests.refreshInventory')}
      </button>
      {refreshedAt && <span className="hint">{t('doorTests.inventoryAt', { time: formatDateTime(refreshedAt, i18n.language) })}</span>}
    </div>
  );
}
