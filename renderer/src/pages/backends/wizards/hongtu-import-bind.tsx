import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guessPanelModel, PANEL_MODELS } from './hongtu-panel-models.ts';
import type { HongtuDiscovered } from '../../../../../shared/contract/commissioning.ts';
import { bindPanel, boundDevices, importPanel, listDiscovered, listEdgeServers } from './hongtu-steps.ts';
import type { HongtuStepProps } from './hongtu-step-props.ts';
import { Field, LoadedList, missingOf, RunButton } from './step-kit.tsx';
import { useLoaded } from './use-loaded.ts';

const NAME_MAX = 50;

/** Step 1: a panel that reported itself, imported with a name, a location and its model. */
export function ImportStep({ steps, run, busy, settled }: HongtuStepProps) {
  const { t } = useTranslation();
  const discovered = useLoaded(() => listDiscovered(steps));
  const [sn, setSn] = useState('');
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [model, setModel] = useState<number | null>(null);

  function choose(panel: HongtuDiscovered | undefined) {
    setSn(panel?.snCode ?? '');
    setModel(panel ? (panel.deviceModel ?? guessPanelModel(panel.snCode)) : null);
  }

  return (
    <LoadedList loaded={discovered} empty={t('wizard.hongtu.import.none')}>
      {(panels) => {
        const panel = panels.find((p) => p.snCode === sn);
        const missing = missingOf([
          [panel === undefined, t('wizard.hongtu.import.panel')],
          [name.trim() === '', t('wizard.hongtu.import.name')],
          [location.trim() === '', t('wizard.hongtu.import.location')],
          [model === null, t('wizard.hongtu.import.model')],
        ]);
        return (
          <div className="wizard-form">
            <Field label={t('wizard.hongtu.import.panel')} htmlFor="wizard-panel">
              <select id="wizard-panel" className="select" value={sn} data-testid="wizard-panel" disabled={settled} onChange={(e) => choose(panels.find((p) => p.snCode === e.target.value))}>
                <option value="">{t('wizard.choose')}</option>
                {panels.map((p) => (
                  <option key={p.uuid} value={p.snCode}>
                    {p.snCode}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('wizard.hongtu.import.name')} htmlFor="wizard-panel-name">
              <input id="wizard-panel-name" className="input" maxLength={NAME_MAX} value={name} disabled={settled} data-testid="wizard-panel-name" onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field label={t('wizard.hongtu.import.location')} htmlFor="wizard-panel-location">
              <input id="wizard-panel-location" className="input" maxLength={NAME_MAX} value={location} disabled={settled} data-testid="wizard-panel-location" onChange={(e) => setLocation(e.target.value)} />
            </Field>
            <Field label={t('wizard.hongtu.import.model')} htmlFor="wizard-panel-model" hint={panel && model !== null && (panel.deviceModel ?? null) === null ? t('wizard.hongtu.import.modelGuessed') : t('wizard.hongtu.import.modelHint')}>
              <select id="wizard-panel-model" className="select" value={model ?? ''} disabled={settled} data-testid="wizard-panel-model" onChange={(e) => setModel(e.target.value === '' ? null : Number(e.target.value))}>
                <option value="">{t('wizard.choose')}</option>
                {PANEL_MODELS.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
            {!settled && (
              <RunButton
                label={t('wizard.hongtu.import.run')}
                busy={busy}
                missing={missing}
                onClick={() => panel && model !== null && run(() => importPanel(steps, { panel, name: name.trim(), location: location.trim(), deviceModel: model }))}
              />
            )}
          </div>
        );
      }}
    </LoadedList>
  );
}

/** Step 2: the panel joins an edge server's bound set; everything bound there now stays bound. */
export function BindStep({ steps, run, busy, settled, context }: HongtuStepProps) {
  const { t } = useTranslation();
  const servers = useLoaded(() => listEdgeServers(steps));
  const [server, setServer] = useState('');
  const [boundCount, setBoundCount] = useState<number | null>(null);

  function choose(uuid: string) {
    setServer(uuid);
    setBoundCount(null);
    if (uuid) void boundDevices(steps, uuid).then((devices) => setBoundCount(devices.length), () => setBoundCount(null));
  }

  return (
    <LoadedList loaded={servers} empty={t('wizard.hongtu.bind.none')}>
      {(list) => (
        <div className="wizard-form">
          <Field label={t('wizard.hongtu.bind.server')} htmlFor="wizard-server" hint={boundCount === null ? undefined : t('wizard.hongtu.bind.keeps', { count: boundCount })}>
            <select id="wizard-server" className="select" value={server} disabled={settled} data-testid="wizard-server" onChange={(e) => choose(e.target.value)}>
              <option value="">{t('wizard.choose')}</option>
              {list.map((s) => (
                <option key={s.uuid} value={s.uuid}>
                  {s.name ?? s.uuid}
                  {s.location ? ` (${s.location})` : ''}
                </option>
              ))}
            </select>
          </Field>
          {!settled && (
            <RunButton
              label={t('wizard.hongtu.bind.run', { panel: context.panelName ?? '' })}
              busy={busy}
              missing={missingOf([
                [!context.panelUuid, t('wizardRun.earlierStep', { step: t('wizard.hongtu.import.title') })],
                [!server, t('wizard.hongtu.bind.server')],
              ])}
              onClick={() => context.panelUuid && run(() => bindPanel(steps, server, context.panelUuid as string))}
            />
          )}
        </div>
      )}
    </LoadedList>
  );
}
