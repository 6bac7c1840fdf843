import { useTranslation } from 'react-i18next';
import { doorTestSetupStore, useDoorTestSetup } from '../../stores/door-test-setup.ts';

/** The chosen backend's doors, from its stored inventory: tick one or several. */
export function DoorPicker({ disabled, problem }: { readonly disabled: boolean; readonly problem: string | undefined }) {
  const { t } = useTranslation();
  const inventory = useDoorTestSetup((s) => s.inventory);
  const loading = useDoorTestSetup((s) => s.loading);
  const selected = useDoorTestSetup((s) => s.selectedDoorIds);
  const setup = doorTestSetupStore.getState();

  const doors = inventory?.doors ?? [];
  const deviceOf = (deviceId: string | null) => inventory?.devices.find((device) => device.id === deviceId) ?? null;

  return (
    <fieldset className="door-picker" aria-describedby="door-picker-hint door-picker-error" disabled={disabled}>
      <legend className="field-label">{t('doorTests.doors')}</legend>
      <div className="door-picker-bar">
        <span id="door-picker-hint" className="hint">
          {t('doorTests.doorsHint')} {doors.length > 0 && t('doorTests.selectedCount', { count: selected.length })}
        </span>
        {doors.length > 1 && (
          <span className="door-picker-all">
            <button type="button" className="button button-small" onClick={() => setup.selectAllDoors(true)}>
              {t('doorTests.selectAll')}
            </button>
            <button type="button" className="button button-small" onClick={() => setup.selectAllDoors(false)}>
              {t('doorTests.selectNone')}
            </button>
          </span>
        )}
      </div>
      {inventory === null ? (
        <p className="hint door-picker-empty">{loading ? t('common.loading') : t('doorTests.noInventory')}</p>
      ) : doors.length === 0 ? (
        <p className="hint door-picker-empty">{t('doorTests.noDoors')}</p>
      ) : (
        <ul className="door-list">
          {doors.map((door) => {
            const device = deviceOf(door.deviceId);
            const online = door.state?.online ?? device?.online ?? null;
            return (
              <li key={door.id}>
                <label className="door-choice">
                  <input
                    type="checkbox"
                    checked={selected.includes(door.id)}
                    data-testid="doortest-door"
                    data-door-id={door.id}
                    onChange={(event) => setup.toggleDoor(door.id, event.target.checked)}
                  />
                  <span className="door-choice-name">{door.name}</span>
                  {device && <span className="hint">{device.name}</span>}
                  {online !== null && (
                    <span className={online ? 'online-dot is-online' : 'online-dot'}>{online ? t('doorTests.online') : t('doorTests.offline')}</span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <p id="door-picker-error" className="field-error" aria-live="polite">
        {problem && t(`doorTests.validation.${problem}`)}
      </p>
    </fieldset>
  );
}
