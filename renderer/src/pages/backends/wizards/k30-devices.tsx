import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { K30Change, K30Device } from '../../../../../shared/contract/commissioning.ts';
import { useReadAfterBusy } from './k30-after-busy.ts';
import { deviceStatus, listDevices, listRegions, updateDevice, type DeviceEdit } from './k30-steps.ts';
import type { K30StepProps } from './k30-step-props.ts';
import { OnlineBadge, useK30Words } from './k30-words.tsx';
import { Field, LoadedList, missingOf, RunButton } from './step-kit.tsx';
import { useLoaded } from './use-loaded.ts';

/** Step 1: the devices with their online state; one at a time edited with device.update. */
export function DevicesStep({ steps, run, busy, context }: K30StepProps) {
  const { t } = useTranslation();
  const words = useK30Words();
  const devices = useLoaded(() => listDevices(steps));
  const regions = useLoaded(() => listRegions(steps));
  const [chosen, setChosen] = useState('');
  // After a save or its undo, the list and the chosen device are read again.
  const serial = useReadAfterBusy(busy, [devices]);

  return (
    <LoadedList loaded={devices} empty={t('k30Wizard.devices.none')}>
      {(list) => (
        <div className="wizard-form">
          <table className="table table-compact wizard-wide" data-testid="k30-devices">
            <thead>
              <tr>
                <th>{t('k30Wizard.fields.name')}</th>
                <th>{t('k30Wizard.fields.direction')}</th>
                <th>{t('k30Wizard.fields.regionName')}</th>
                <th>{t('k30Wizard.fields.attendance')}</th>
                <th>{t('k30Wizard.onlineColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.no} data-testid="k30-device-row" data-device-no={d.no}>
                  <td>
                    {d.name} <span className="hint">{d.no}</span>
                  </td>
                  <td>{words.value('direction', d.direction)}</td>
                  <td>{words.value('regionName', d.regionName)}</td>
                  <td>{words.value('attendance', d.attendance)}</td>
                  <td>
                    <OnlineBadge online={d.online} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Field label={t('k30Wizard.devices.device')} htmlFor="k30-device">
            <select id="k30-device" className="select" value={chosen} disabled={busy} data-testid="k30-device" onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t('wizard.choose')}</option>
              {list.map((d) => (
                <option key={d.no} value={d.no}>
                  {d.name} ({d.no})
                </option>
              ))}
            </select>
          </Field>
          {chosen && (
            <DeviceForm
              key={`${chosen}:${serial}`}
              deviceNo={chosen}
              steps={steps}
              busy={busy}
              regions={regions.data?.map((r) => r.name) ?? []}
              onSave={(edit) => run(() => updateDevice(steps, edit))}
            />
          )}
          {context.lastEdit && <ChangesTable name={context.lastEdit.name} changes={context.lastEdit.changes} />}
        </div>
      )}
    </LoadedList>
  );
}

interface DeviceFormProps {
  readonly deviceNo: string;
  readonly steps: K30StepProps['steps'];
  readonly busy: boolean;
  readonly regions: readonly string[];
  readonly onSave: (edit: DeviceEdit) => void;
}

/** The device as device.status reads it now, and its editable fields; only what differs is sent. */
function DeviceForm({ deviceNo, steps, busy, regions, onSave }: DeviceFormProps) {
  const { t } = useTranslation();
  const status = useLoaded(async () => [await deviceStatus(steps, deviceNo)]);
  return (
    <LoadedList loaded={status} empty={t('k30Wizard.devices.statusReading')}>
      {([device]) => device && <DeviceFields device={device} busy={busy} regions={regions} onSave={onSave} />}
    </LoadedList>
  );
}

function DeviceFields({ device, busy, regions, onSave }: { readonly device: K30Device; readonly busy: boolean; readonly regions: readonly string[]; readonly onSave: (edit: DeviceEdit) => void }) {
  const { t } = useTranslation();
  const words = useK30Words();
  const [name, setName] = useState(device.name);
  const [area, setArea] = useState(device.area ?? '');
  const [direction, setDirection] = useState<'in' | 'out' | ''>(device.direction ?? '');
  const [attendance, setAttendance] = useState(device.attendance ?? false);
  const [region, setRegion] = useState('');

  const edit: DeviceEdit = {
    no: device.no,
    name: name.trim(),
    ...(area.trim() !== '' && area.trim() !== device.area ? { area: area.trim() } : {}),
    ...(region !== '' && region !== device.regionName ? { regionName: region } : {}),
    ...(direction !== '' && direction !== device.direction ? { direction } : {}),
    ...(attendance !== device.attendance && device.attendance !== null ? { attendance } : {}),
  };

  return (
    <div className="wizard-form wizard-wide" data-testid="k30-device-form" data-device-no={device.no}>
      <p className="hint wizard-wide" data-testid="k30-device-status" data-online={String(device.online)}>
        {t('k30Wizard.devices.statusNow', { status: words.online(device.online) })} {device.ip && t('k30Wizard.devices.ipHint', { ip: device.ip })}
      </p>
      <Field label={t('k30Wizard.fields.name')} htmlFor="k30-device-name">
        <input id="k30-device-name" className="input" value={name} maxLength={50} disabled={busy} data-testid="k30-device-name" onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('k30Wizard.fields.area')} htmlFor="k30-device-area">
        <input id="k30-device-area" className="input" value={area} maxLength={100} disabled={busy} data-testid="k30-device-area" onChange={(e) => setArea(e.target.value)} />
      </Field>
      <Field label={t('k30Wizard.fields.direction')} htmlFor="k30-device-direction">
        <select id="k30-device-direction" className="select" value={direction} disabled={busy} data-testid="k30-device-direction" onChange={(e) => setDirection(e.target.value === 'in' || e.target.value === 'out' ? e.target.value : '')}>
          {device.direction === null && <option value="">{t('k30Wizard.unknown')}</option>}
          <option value="in">{t('k30Wizard.directionIn')}</option>
          <option value="out">{t('k30Wizard.directionOut')}</option>
        </select>
      </Field>
      <Field label={t('k30Wizard.fields.regionName')} htmlFor="k30-device-region">
        <select id="k30-device-region" className="select" value={region} disabled={busy} data-testid="k30-device-region" onChange={(e) => setRegion(e.target.value)}>
          <option value="">
            {t('k30Wizard.devices.regionKeep')}
            {device.regionName ? ` (${device.regionName})` : ''}
          </option>
          {regions
            .filter((r) => r !== device.regionName)
            .map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={attendance} disabled={busy} data-testid="k30-device-attendance" onChange={(e) => setAttendance(e.target.checked)} />
        <span>{t('k30Wizard.devices.attendance')}</span>
      </label>
      <RunButton label={t('k30Wizard.devices.run')} busy={busy} missing={missingOf([[name.trim() === '', t('k30Wizard.fields.name')]])} onClick={() => onSave(edit)} />
    </div>
  );
}

/** What the latest edit changed, field by field, read back from K30 (device.status). */
function ChangesTable({ name, changes }: { readonly name: string; readonly changes: readonly K30Change[] }) {
  const { t } = useTranslation();
  const words = useK30Words();
  if (changes.length === 0) return null;
  return (
    <div className="wizard-wide">
      <p className="field-label" id="k30-changes-title">
        {t('k30Wizard.devices.changesTitle', { name })}
      </p>
      <table className="table table-compact" data-testid="k30-changes" aria-labelledby="k30-changes-title">
        <thead>
          <tr>
            <th>{t('k30Wizard.devices.change.field')}</th>
            <th>{t('k30Wizard.devices.change.before')}</th>
            <th>{t('k30Wizard.devices.change.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} data-testid="k30-change" data-field={c.field}>
              <td>{t(`k30Wizard.fields.${c.field}`)}</td>
              <td>{words.value(c.field, c.before)}</td>
              <td>{words.value(c.field, c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
