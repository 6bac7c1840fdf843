import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadAfterBusy } from './k30-after-busy.ts';
import { listDevices, listRegions, placeInRegion } from './k30-steps.ts';
import type { K30StepProps } from './k30-step-props.ts';
import { Field, LoadedList, missingOf, RunButton } from './step-kit.tsx';
import { useLoaded } from './use-loaded.ts';

/** region.create: 区域名称 up to 50 characters. */
const MAX_NAME = 50;

/** Step 2: a region, existing or new, and the devices put in it (device.update's regionname). */
export function RegionStep({ steps, run, busy, settled }: K30StepProps) {
  const { t } = useTranslation();
  const regions = useLoaded(() => listRegions(steps));
  const devices = useLoaded(() => listDevices(steps));
  useReadAfterBusy(busy, [regions, devices]);
  const onlyDefault = regions.data !== null && regions.data.every((r) => r.isDefault);
  const [picked, setPicked] = useState<'new' | 'existing' | null>(null);
  const mode = picked ?? (onlyDefault ? 'new' : 'existing');
  const [name, setName] = useState('');
  const [existing, setExisting] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const trimmed = name.trim();
  const taken = regions.data?.some((r) => r.name === trimmed) ?? false;
  const regionName = mode === 'new' ? trimmed : existing;
  const defaultName = regions.data?.find((r) => r.isDefault)?.name ?? '';
  const toggle = (no: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (!next.delete(no)) next.add(no);
      return next;
    });

  return (
    <LoadedList loaded={regions} empty={t('k30Wizard.region.none')}>
      {(regionList) => (
        <div className="wizard-form">
          {onlyDefault && (
            <p className="hint wizard-wide" data-testid="k30-only-default">
              {t('k30Wizard.region.onlyDefault', { name: defaultName })}
            </p>
          )}
          <div className="choices" role="radiogroup" aria-label={t('k30Wizard.region.title')}>
            {(['new', 'existing'] as const).map((m) => (
              <label key={m} className="choice">
                <input type="radio" name="k30-region-mode" checked={mode === m} disabled={settled} data-testid={`k30-region-${m}`} onChange={() => setPicked(m)} />
                <span>{t(`k30Wizard.region.${m}`)}</span>
              </label>
            ))}
          </div>
          {mode === 'new' ? (
            <Field label={t('k30Wizard.region.name')} htmlFor="k30-region-name" hint={t('k30Wizard.region.nameHint')}>
              <input id="k30-region-name" className="input" value={name} maxLength={MAX_NAME} disabled={settled} aria-invalid={taken} data-testid="k30-region-name" onChange={(e) => setName(e.target.value)} />
              {taken && <p className="field-error">{t('k30Wizard.region.taken')}</p>}
            </Field>
          ) : (
            <Field label={t('k30Wizard.region.existing')} htmlFor="k30-region-select">
              <select id="k30-region-select" className="select" value={existing} disabled={settled} data-testid="k30-region-select" onChange={(e) => setExisting(e.target.value)}>
                <option value="">{t('wizard.choose')}</option>
                {regionList.map((r) => (
                  <option key={r.no} value={r.name}>
                    {r.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <LoadedList loaded={devices} empty={t('k30Wizard.devices.none')}>
            {(deviceList) => (
              <fieldset className="form-group">
                <legend className="field-label">{t('k30Wizard.region.devices')}</legend>
                <div className="checklist">
                  {deviceList.map((d) => (
                    <label key={d.no} className="check">
                      <input type="checkbox" checked={chosen.has(d.no)} disabled={settled} data-testid="k30-region-device" data-device-no={d.no} onChange={() => toggle(d.no)} />
                      <span>
                        {d.name} <span className="hint">{d.regionName ? t('k30Wizard.region.inRegion', { region: d.regionName }) : ''}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </LoadedList>
          {!settled && (
            <RunButton
              label={t('k30Wizard.region.run', { count: chosen.size, region: regionName })}
              busy={busy}
              missing={missingOf([
                [regionName === '' || (mode === 'new' && taken), mode === 'new' ? t('k30Wizard.region.name') : t('k30Wizard.region.existing')],
                [chosen.size === 0, t('k30Wizard.region.oneDevice')],
              ])}
              onClick={() => run(() => placeInRegion(steps, { create: mode === 'new' ? trimmed : null, existing: mode === 'existing' ? existing : null, deviceNos: [...chosen] }))}
            />
          )}
        </div>
      )}
    </LoadedList>
  );
}
