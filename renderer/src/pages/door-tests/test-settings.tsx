import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DOOR_TESTS, type DoorTestKind } from '../../../../shared/contract/door-tests.ts';
import { whyNotOffered } from '../../../../shared/rules/door-test-offers.ts';
import { currentLang } from '../../i18n.ts';
import type { PlanProblems } from '../../stores/door-test-plan.ts';
import { doorTestSetupStore, useDoorTestSetup, type DoorTestForm } from '../../stores/door-test-setup.ts';
import { PersonPicker } from './person-picker.tsx';

interface TestSettingsProps {
  readonly disabled: boolean;
  readonly problems: PlanProblems;
}

/** The test to run and its settings: open time, test person, how long to wait, who tests. */
export function TestSettings({ disabled, problems }: TestSettingsProps) {
  const { t } = useTranslation();
  const form = useDoorTestSetup((s) => s.form);
  const capabilities = useDoorTestSetup((s) => s.capabilities);
  // Each test the backend does not offer, and why (the core refuses it by the same rule).
  const notOffered = capabilities === null ? [] : DOOR_TESTS.flatMap((kind) => {
    const reason = whyNotOffered(capabilities, kind);
    return reason === null ? [] : [{ kind, reason }];
  });
  const isOffered = (kind: DoorTestKind) => !notOffered.some((n) => n.kind === kind);
  const modeNote = capabilities?.notes['doorModes']?.[currentLang()] ?? '';
  const setForm = (patch: Partial<DoorTestForm>) => doorTestSetupStore.getState().setForm(patch);
  const problemText = (key: string | undefined) => (key ? t(`doorTests.validation.${key}`) : '');

  return (
    <div className="door-test-settings">
      <div className="door-test-row">
        <Field label={t('doorTests.test')} id="doortest-kind" error={problemText(problems.test)}>
          <select
            id="doortest-kind"
            className="select"
            value={form.test}
            disabled={disabled}
            data-testid="doortest-kind"
            aria-describedby="doortest-kind-hint doortest-kind-error"
            onChange={(event) => setForm({ test: event.target.value as DoorTestKind })}
          >
            {DOOR_TESTS.map((kind) => (
              <option key={kind} value={kind} disabled={!isOffered(kind)}>
                {isOffered(kind) ? t(`doorTests.kinds.${kind}`) : t('doorTestOffers.notOfferedOption', { test: t(`doorTests.kinds.${kind}`) })}
              </option>
            ))}
          </select>
        </Field>
        {form.test === 'open' && (
          <Field label={t('doorTests.openSeconds')} id="doortest-open-seconds" error={problemText(problems.openSeconds)} narrow>
            <NumberInput id="doortest-open-seconds" value={form.openSeconds} disabled={disabled} invalid={problems.openSeconds !== undefined} testId="doortest-open-seconds" onChange={(openSeconds) => setForm({ openSeconds })} />
          </Field>
        )}
        {form.test === 'walk' && (
          <Field label={t('doorTests.person')} id="doortest-person" error={problemText(problems.personPin)}>
            <PersonPicker id="doortest-person" value={form.personPin} disabled={disabled} invalid={problems.personPin !== undefined} onChange={(personPin) => setForm({ personPin })} />
          </Field>
        )}
        <Field label={t('doorTests.timeout')} id="doortest-timeout" error={problemText(problems.timeoutSeconds)} narrow>
          <NumberInput id="doortest-timeout" value={form.timeoutSeconds} disabled={disabled} invalid={problems.timeoutSeconds !== undefined} testId="doortest-timeout" onChange={(timeoutSeconds) => setForm({ timeoutSeconds })} />
        </Field>
        <Field label={t('doorTests.installer')} id="doortest-installer" error={problemText(problems.installer)}>
          <input
            id="doortest-installer"
            className="input"
            type="text"
            autoComplete="name"
            value={form.installer}
            placeholder={t('doorTests.installerPlaceholder')}
            disabled={disabled}
            aria-invalid={problems.installer !== undefined}
            aria-describedby="doortest-installer-error"
            data-testid="doortest-installer"
            onChange={(event) => setForm({ installer: event.target.value })}
          />
        </Field>
      </div>
      {/* What the chosen test does, only when the backend runs it (the note below says why not otherwise). */}
      {isOffered(form.test) && (
        <p id="doortest-kind-hint" className="hint" data-testid="doortest-kind-hint">
          {t(`doorTests.kindHints.${form.test}`)}
        </p>
      )}
      {notOffered.map(({ kind, reason }) => (
        <p key={kind} className="hint capability-note" data-testid={`doortest-${kind}-note`}>
          {t(`doorTestOffers.reasons.${reason}`, { note: modeNote })}
        </p>
      ))}
    </div>
  );
}

function Field(props: { readonly label: string; readonly id: string; readonly error: string; readonly narrow?: boolean; readonly children: ReactNode }) {
  return (
    <div className={props.narrow ? 'door-test-field is-narrow' : 'door-test-field'}>
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      <p id={`${props.id}-error`} className="field-error" aria-live="polite">
        {props.error}
      </p>
    </div>
  );
}

function NumberInput(props: { readonly id: string; readonly value: string; readonly disabled: boolean; readonly invalid: boolean; readonly testId: string; readonly onChange: (value: string) => void }) {
  return (
    <input
      id={props.id}
      className="input"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={props.value}
      disabled={props.disabled}
      aria-invalid={props.invalid}
      aria-describedby={`${props.id}-error`}
      data-testid={props.testId}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
