import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceSnSchema, type BridgeDevice } from '../../../../shared/contract/bridges.ts';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { accessLevelsInput, deviceFormOf, doorKey, doorRefs, emptyDeviceForm, pickedBackends, toggleLevel, type DeviceFormValue } from '../../stores/bridge-device-form.ts';
import { useErrorText } from '../../use-error-text.ts';
import { FieldIssue } from './settings-form.tsx';

/**
 * Add a device (sn, doors from the site's stored inventory, levels per backend) or edit one (its
 * doors and levels; `bridge.devices.update`). Levels are picked by name from each backend's stored
 * inventory; none ticked on a backend: the levels covering the device's doors there.
 */
export function DeviceForm({ editing, onDone }: { readonly editing: BridgeDevice | null; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const devices = useBridge((s) => s.devices);
  const doors = useBridge((s) => s.doors);
  const stored = useBridge((s) => s.levels);
  const busy = useBridge((s) => s.busy);
  const error = useBridge((s) => s.error);
  // The panel keys the form by the device edited: a new device or another edit starts afresh.
  const [sn, setSn] = useState('');
  const [form, setForm] = useState<DeviceFormValue>(() => (editing ? deviceFormOf(editing) : emptyDeviceForm));
  const [touched, setTouched] = useState(false);
  const snOk = editing !== null || DeviceSnSchema.safeParse(sn.trim()).success;
  // A pass is reported from one device: a door standing for another device is shown, not offered.
  const takenDoors = new Map(devices.filter((d) => d.id !== editing?.id).flatMap((device) => device.doors.map((door) => [doorKey(door), device.sn] as const)));
  const backendName = (id: number) => doors.find((d) => d.backendId === id)?.backendName ?? `#${id}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!snOk) return;
    const free = { ...form, doors: form.doors.filter((key) => !takenDoors.has(key)) };
    const refs = doorRefs(free, doors);
    const levels = accessLevelsInput(free, stored);
    const store = bridgeStore.getState();
    const ok = editing ? await store.updateDevice(editing.id, refs, levels) : await store.addDevice(sn.trim(), refs, levels);
    if (!ok) return;
    setSn('');
    setForm(emptyDeviceForm);
    setTouched(false);
    onDone();
  }

  return (
    <form className="bridge-device-add" data-testid="bridge-device-form" data-mode={editing ? 'edit' : 'add'} onSubmit={(e) => void submit(e)} noValidate>
      {editing ? <h3 className="bridge-subtitle">{t('bridgeDevices.editTitle', { sn: editing.sn })}</h3> : null}
      {editing ? null : (
        <div className="bridge-field">
          <label className="field-label" htmlFor="bridge-device-sn">
            {t('bridgePage.devices.sn')}
          </label>
          <input id="bridge-device-sn" className="input mono" data-testid="bridge-device-sn" value={sn} aria-invalid={touched && !snOk ? true : undefined} onChange={(e) => setSn(e.target.value)} />
          <FieldIssue issue={touched && !snOk ? { key: 'bridgePage.validation.sn' } : undefined} testId="bridge-device-sn-error" />
        </div>
      )}
      <fieldset className="bridge-door-pick">
        <legend className="field-label">{t('bridgePage.devices.doorsPick')}</legend>
        {doors.length === 0 ? <p className="hint">{t('bridgePage.devices.noSiteDoors')}</p> : null}
        {doors.map((door) => {
          const key = doorKey(door);
          const takenBy = takenDoors.get(key);
          return (
            <label key={key} className="bridge-check">
              <input
                type="checkbox"
                data-testid="bridge-door-option"
                data-door={key}
                disabled={takenBy !== undefined}
                checked={takenBy === undefined && form.doors.includes(key)}
                onChange={(e) => setForm((f) => ({ ...f, doors: e.target.checked ? [...f.doors, key] : f.doors.filter((k) => k !== key) }))}
              />{' '}
              {takenBy === undefined
                ? t('bridgePage.devices.door', { door: door.name, backend: door.backendName })
                : t('bridgePage.devices.doorTaken', { door: door.name, backend: door.backendName, sn: takenBy })}
            </label>
          );
        })}
      </fieldset>
      {pickedBackends(form).map((backendId) => {
        const levels = stored[backendId] ?? [];
        return (
          <fieldset key={backendId} className="bridge-door-pick" data-testid="bridge-level-pick" data-backend={backendId}>
            <legend className="field-label">{t('bridgeDevices.levelsPick', { backend: backendName(backendId) })}</legend>
            {levels.length === 0 ? <p className="hint">{t('bridgeDevices.noStoredLevels', { backend: backendName(backendId) })}</p> : <p className="hint">{t('bridgeDevices.levelsDefault')}</p>}
            {levels.map((level) => (
              <label key={level.id} className="bridge-check">
                <input
                  type="checkbox"
                  data-testid="bridge-level-option"
                  data-level={level.id}
                  checked={(form.levels[backendId] ?? []).includes(level.id)}
                  onChange={(e) => setForm((f) => toggleLevel(f, backendId, level.id, e.target.checked))}
                />{' '}
                {level.name}
              </label>
            ))}
          </fieldset>
        );
      })}
      <div className="bridge-actions">
        <button type="submit" className="button button-primary" data-testid={editing ? 'bridge-device-save' : 'bridge-device-add'} disabled={busy === 'device'}>
          {editing ? t('bridgeDevices.save') : t('bridgePage.devices.add')}
        </button>
        {editing ? (
          <button type="button" className="button" data-testid="bridge-device-cancel" onClick={onDone}>
            {t('bridgeDevices.cancel')}
          </button>
        ) : null}
      </div>
      {error?.action === 'device' ? (
        <p className="field-error" role="alert" data-testid="bridge-device-error-message">
          {errorText(error.body)}
        </p>
      ) : null}
    </form>
  );
}
