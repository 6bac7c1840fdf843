import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDoor, chooseGroup, createGroup, grantAuthority, listGroups, listSchedules } from './hongtu-steps.ts';
import type { HongtuStepProps } from './hongtu-step-props.ts';
import { Field, LoadedList, missingOf, RunButton } from './step-kit.tsx';
import { useLoaded } from './use-loaded.ts';

/** Step 3: the panel becomes an access-control point (door). */
export function DoorStep({ steps, run, busy, settled, context }: HongtuStepProps) {
  const { t } = useTranslation();
  if (settled) return null;
  return (
    <div className="wizard-form">
      <RunButton
        label={t('wizard.hongtu.door.run', { panel: context.panelName ?? '' })}
        busy={busy}
        missing={missingOf([[!context.panelUuid, t('wizardRun.earlierStep', { step: t('wizard.hongtu.import.title') })]])}
        onClick={() => context.panelUuid && run(() => addDoor(steps, context.panelUuid as string))}
      />
    </div>
  );
}

/** passGroup.batchAdd: "组名称长度2~32，不支持特殊字符" — letters, digits, Chinese, _ - and brackets. */
const GROUP_NAME = /^[\u4e00-\u9fa5A-Za-z0-9_\-（）()]{2,32}$/;

/** Step 4: who passes — an employee group, new or existing. */
export function GroupStep({ steps, run, busy, settled }: HongtuStepProps) {
  const { t } = useTranslation();
  const groups = useLoaded(() => listGroups(steps));
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [existing, setExisting] = useState('');
  const nameOk = GROUP_NAME.test(name.trim());
  const taken = groups.data?.some((g) => g.name === name.trim()) ?? false;

  return (
    <div className="wizard-form">
      <div className="choices" role="radiogroup" aria-label={t('wizard.hongtu.group.title')}>
        {(['new', 'existing'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="wizard-group-mode" checked={mode === m} disabled={settled} data-testid={`wizard-group-${m}`} onChange={() => setMode(m)} />
            <span>{t(`wizard.hongtu.group.${m}`)}</span>
          </label>
        ))}
      </div>
      {mode === 'new' ? (
        <Field label={t('wizard.hongtu.group.name')} htmlFor="wizard-group-name" hint={t('wizard.hongtu.group.nameHint')}>
          <input id="wizard-group-name" className="input" value={name} disabled={settled} aria-invalid={name !== '' && (!nameOk || taken)} data-testid="wizard-group-name" onChange={(e) => setName(e.target.value)} />
          {name !== '' && (!nameOk || taken) && <p className="field-error">{t(taken ? 'wizard.hongtu.group.taken' : 'wizard.hongtu.group.nameLength')}</p>}
        </Field>
      ) : (
        <LoadedList loaded={groups} empty={t('wizard.hongtu.group.none')}>
          {(list) => (
            <Field label={t('wizard.hongtu.group.existing')} htmlFor="wizard-group-select">
              <select id="wizard-group-select" className="select" value={existing} disabled={settled} data-testid="wizard-group-select" onChange={(e) => setExisting(e.target.value)}>
                <option value="">{t('wizard.choose')}</option>
                {list.map((g) => (
                  <option key={g.uuid} value={g.uuid}>
                    {g.name ?? g.uuid}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </LoadedList>
      )}
      {!settled && (
        <RunButton
          label={t(mode === 'new' ? 'wizard.hongtu.group.create' : 'wizard.hongtu.group.use')}
          busy={busy}
          missing={missingOf(mode === 'new' ? [[!nameOk || taken, t('wizardRun.validGroupName')]] : [[!existing, t('wizard.hongtu.group.existing')]])}
          onClick={() => {
            if (mode === 'new') void run(() => createGroup(steps, name.trim()));
            else {
              const group = groups.data?.find((g) => g.uuid === existing);
              if (group) void run(() => Promise.resolve(chooseGroup(group)));
            }
          }}
        />
      )}
    </div>
  );
}

/** Step 5: the group may pass the door during a pass schedule. */
export function AuthorityStep({ steps, run, busy, settled, context }: HongtuStepProps) {
  const { t } = useTranslation();
  const schedules = useLoaded(() => listSchedules(steps));
  const [chosen, setChosen] = useState('');

  return (
    <LoadedList loaded={schedules} empty={t('wizard.hongtu.authority.none')}>
      {(list) => {
        const schedule = list.find((s) => s.uuid === (chosen || list[0]?.uuid));
        return (
          <div className="wizard-form">
            <Field label={t('wizard.hongtu.authority.schedule')} htmlFor="wizard-schedule">
              <select id="wizard-schedule" className="select" value={schedule?.uuid ?? ''} disabled={settled} data-testid="wizard-schedule" onChange={(e) => setChosen(e.target.value)}>
                {list.map((s) => (
                  <option key={s.uuid} value={s.uuid}>
                    {s.name ?? s.uuid}
                  </option>
                ))}
              </select>
            </Field>
            {!settled && (
              <RunButton
                label={t('wizard.hongtu.authority.run')}
                busy={busy}
                missing={missingOf([
                  [!context.panelUuid, t('wizardRun.earlierStep', { step: t('wizard.hongtu.door.title') })],
                  [!context.groupUuid, t('wizardRun.earlierStep', { step: t('wizard.hongtu.group.title') })],
                  [!schedule, t('wizard.hongtu.authority.schedule')],
                ])}
                onClick={() => schedule && context.panelUuid && context.groupUuid && run(() => grantAuthority(steps, context.panelUuid as string, context.groupUuid as string, schedule))}
              />
            )}
          </div>
        );
      }}
    </LoadedList>
  );
}
