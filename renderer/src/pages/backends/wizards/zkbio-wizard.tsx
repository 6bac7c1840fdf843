import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Backend } from '../../../../../shared/contract/backends.ts';
import { api } from '../../../api/client.ts';
import { inventoryStore } from '../../../stores/inventory.ts';
import { createWizardStore, isSettled, stepOf, type StepOutcome } from '../../../stores/wizard.ts';
import { stepsApi, type StepsApi } from './steps-api.ts';
import { Field, LoadedList, missingOf, RunButton } from './step-kit.tsx';
import { useLoaded } from './use-loaded.ts';
import { addDoorsToLevel, addLevel, DEFAULT_TIME_SEGMENT, listAreas, syncLevel, ZKBIO_START, ZKBIO_STEPS, type ZkbioContext } from './zkbio-steps.ts';
import { WizardFrame } from './wizard-frame.tsx';
import { TimeZoneField, timeZoneRefusal } from './zkbio-time-zone.tsx';

interface StepProps {
  readonly backendId: number;
  readonly steps: StepsApi;
  readonly context: ZkbioContext;
  readonly run: (action: () => Promise<StepOutcome<ZkbioContext>>) => void;
  readonly busy: boolean;
  readonly settled: boolean;
}

/** ZKBio: an access level → its doors → synced to the devices. */
export function ZkbioWizard({ backend, onClose, onFinish }: { readonly backend: Backend; readonly onClose: () => void; readonly onFinish: () => void }) {
  const { t } = useTranslation();
  const [store] = useState(() => createWizardStore<ZkbioContext>(ZKBIO_STEPS, ZKBIO_START));
  const [steps] = useState(() => stepsApi(api, backend.id));
  const current = useStore(store, (s) => s.order[s.current] ?? 'level');
  const status = useStore(store, (s) => stepOf(s, current).status);
  const context = useStore(store, (s) => s.context);
  const Step = current === 'level' ? LevelStep : current === 'doors' ? DoorsStep : SyncStep;

  return (
    <WizardFrame store={store} title={t('wizard.zkbio.title')} intro={t('wizard.zkbio.intro')} stepPrefix="wizard.zkbio" onClose={onClose} onFinish={onFinish}>
      <Step
        key={current}
        backendId={backend.id}
        steps={steps}
        context={context}
        busy={status === 'running'}
        settled={isSettled(status)}
        run={(action) => void store.getState().run(current, action)}
      />
    </WizardFrame>
  );
}

function LevelStep({ steps, run, busy, settled }: StepProps) {
  const { t, i18n } = useTranslation();
  const areas = useLoaded(() => listAreas(steps));
  const [name, setName] = useState('');
  const [timeSeg, setTimeSeg] = useState(DEFAULT_TIME_SEGMENT);
  const [area, setArea] = useState('');

  return (
    <LoadedList loaded={areas} empty={t('wizard.zkbio.level.noAreas')}>
      {(list) => {
        const areaName = area || list[0]?.name || '';
        return (
          <div className="wizard-form">
            <Field label={t('wizard.zkbio.level.name')} htmlFor="wizard-level-name">
              <input id="wizard-level-name" className="input" value={name} disabled={settled} data-testid="wizard-level-name" onChange={(e) => setName(e.target.value)} />
            </Field>
            <TimeZoneField value={timeSeg} disabled={settled} onChange={setTimeSeg} />
            <Field label={t('wizard.zkbio.level.area')} htmlFor="wizard-level-area">
              <select id="wizard-level-area" className="select" value={areaName} disabled={settled} data-testid="wizard-level-area" onChange={(e) => setArea(e.target.value)}>
                {list.map((a) => (
                  <option key={a.code} value={a.name ?? a.code}>
                    {a.name ?? a.code}
                  </option>
                ))}
              </select>
            </Field>
            {!settled && (
              <RunButton
                label={t('wizard.zkbio.level.run')}
                busy={busy}
                missing={missingOf([
                  [name.trim() === '', t('wizard.zkbio.level.name')],
                  [timeSeg.trim() === '', t('wizard.zkbio.level.timeSeg')],
                  [areaName === '', t('wizard.zkbio.level.area')],
                ])}
                onClick={() =>
                  run(() =>
                    addLevel(steps, { name: name.trim(), timeSegName: timeSeg.trim(), areaName }).catch((error: unknown) => {
                      throw timeZoneRefusal(error, timeSeg.trim(), i18n);
                    }),
                  )
                }
              />
            )}
          </div>
        );
      }}
    </LoadedList>
  );
}

function DoorsStep({ backendId, steps, run, busy, settled, context }: StepProps) {
  const { t } = useTranslation();
  // The doors as the inventory has them (refreshed from the backend when nothing is stored yet).
  const doors = useLoaded(async () => {
    const stored = await inventoryStore.getState().load(backendId, false);
    return (stored ?? (await inventoryStore.getState().load(backendId, true)))?.doors ?? [];
  });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  return (
    <LoadedList loaded={doors} empty={t('wizard.zkbio.doors.none')}>
      {(list) => (
        <div className="wizard-form">
          <fieldset className="form-group">
            <legend className="field-label">{t('wizard.zkbio.doors.pick', { level: context.levelName ?? '' })}</legend>
            <div className="checklist">
              {list.map((door) => (
                <label key={door.id} className="check">
                  <input type="checkbox" checked={chosen.has(door.name)} disabled={settled} data-testid="wizard-door" data-door-name={door.name} onChange={() => toggle(door.name)} />
                  <span>{door.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {!settled && (
            <RunButton
              label={t('wizard.zkbio.doors.run', { count: chosen.size })}
              busy={busy}
              missing={missingOf([
                [!context.levelName, t('wizardRun.earlierStep', { step: t('wizard.zkbio.level.title') })],
                [chosen.size === 0, t('wizardRun.oneDoor')],
              ])}
              onClick={() => context.levelName && run(() => addDoorsToLevel(steps, context.levelName as string, [...chosen]))}
            />
          )}
        </div>
      )}
    </LoadedList>
  );
}

function SyncStep({ steps, run, busy, settled, context }: StepProps) {
  const { t } = useTranslation();
  if (settled) return null;
  return (
    <div className="wizard-form">
      <RunButton
        label={t('wizard.zkbio.sync.run', { level: context.levelName ?? '' })}
        busy={busy}
        missing={missingOf([[!context.levelId, t('wizardRun.earlierStep', { step: t('wizard.zkbio.level.title') })]])}
        onClick={() => context.levelId && run(() => syncLevel(steps, context.levelId as string, context.levelName ?? ''))}
      />
    </div>
  );
}
