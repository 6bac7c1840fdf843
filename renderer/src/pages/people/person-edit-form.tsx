import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/contract/people.ts';
import { ValidityInput } from '../../components/validity-input.tsx';
import { DepartmentPicker } from '../../components/department-picker.tsx';
import { TargetPicker, targetList, type Targets } from '../../components/target-picker.tsx';
import { useBackends } from '../../stores/backends.ts';
import { peopleStore, usePeople } from '../../stores/people.ts';
import { formOf, validatePersonForm, validIdNumber, type FieldName, type PersonForm } from './people-logic.ts';
import { PersonFace, type NewFace } from './person-face.tsx';
import { useIdNumberOwner } from '../../stores/id-number-owner.ts';

const FIELDS: readonly { name: Exclude<FieldName, 'gender'>; placeholder?: string }[] = [
  { name: 'pin' },
  { name: 'name' },
  { name: 'idNumber' },
  { name: 'phone' },
  { name: 'department' },
  { name: 'cardNo' },
  { name: 'validFrom' },
  { name: 'validTo' },
];

/** The person's backends and levels as the target picker holds them. */
function targetsOf(person: Person): Targets {
  return Object.fromEntries(person.targets.map((t) => [t.backendId, [...t.accessLevelIds]]));
}

/**
 * One person's fields, validated as typed, their department from the backends' lists, and the
 * backends they go to with their levels / groups (the Enroll page's pickers); Save sends the person
 * to the ticked backends and deletes them from the unticked ones.
 */
export function PersonEditForm({ person, onDone }: { readonly person: Person; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const busy = usePeople((s) => s.busy);
  const backends = useBackends((s) => s.backends);
  const [form, setForm] = useState<PersonForm>(() => formOf(person.fields));
  const [targets, setTargets] = useState<Targets>(() => targetsOf(person));
  const { person: fields, issues } = useMemo(() => validatePersonForm(form), [form]);
  const chosen = backends.filter((b) => targets[b.id] !== undefined);
  // A new face (webcam or file), sent with the fields; none keeps the photo on file.
  const [face, setFace] = useState<NewFace | null>(null);
  const onFace = useCallback((next: NewFace | null) => setFace(next), []);
  // Someone else on the site with this ID number (issue 12 item 3): said at the field, Save waits.
  const idOwner = useIdNumberOwner(person.siteId, validIdNumber(form, issues), person.fields.pin);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!fields || idOwner) return;
    if (await peopleStore.getState().save(person, { ...fields, pin: person.fields.pin }, targetList(targets), face ?? undefined)) onDone();
  }

  return (
    <section className="card" aria-labelledby="person-edit-title">
      <h2 className="card-title" id="person-edit-title">
        {t('people.editTitle', { name: person.fields.name })}
      </h2>
      <form className="people-form" data-testid="person-form" data-pin={person.fields.pin} onSubmit={(e) => void save(e)} noValidate>
        {FIELDS.map((f) => {
          const readOnly = f.name === 'pin';
          const issue = readOnly ? undefined : issues[f.name];
          const id = `person-${f.name}`;
          return (
            <div className="people-field" key={f.name}>
              <label className="field-label" htmlFor={id}>
                {t(`enroll.field.${f.name}`)}
                {f.name === 'pin' || f.name === 'name' ? ' *' : ''}
              </label>
              {f.name === 'validFrom' || f.name === 'validTo' ? (
                <ValidityInput
                  id={id}
                  testId={id}
                  bound={f.name === 'validFrom' ? 'from' : 'to'}
                  value={form[f.name] ?? ''}
                  invalid={issue !== undefined}
                  describedBy={issue ? `${id}-error` : undefined}
                  onChange={(value) => setForm((s) => ({ ...s, [f.name]: value }))}
                />
              ) : f.name === 'department' ? (
                <DepartmentPicker id={id} testId={id} chosen={chosen} value={form.department} onChange={(code) => setForm((s) => ({ ...s, department: code }))} />
              ) : (
                <input
                  id={id}
                  className="input"
                  data-testid={id}
                  value={form[f.name] ?? ''}
                  placeholder={f.placeholder}
                  readOnly={readOnly}
                  aria-readonly={readOnly ? true : undefined}
                  aria-invalid={issue ? true : undefined}
                  aria-describedby={issue ? `${id}-error` : readOnly ? `${id}-hint` : undefined}
                  onChange={(e) => {
                    if (readOnly) return;
                    const value = e.target.value;
                    setForm((s) => ({ ...s, [f.name]: value }));
                  }}
                />
              )}
              {readOnly ? (
                <p className="hint" id={`${id}-hint`}>
                  {t('people.pinReadOnly')}
                </p>
              ) : null}
              {issue ? (
                <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
                  {t(issue === 'required' ? 'enroll.required' : `validation.${issue}`, { defaultValue: t('validation.invalid') })}
                </p>
              ) : null}
              {f.name === 'idNumber' && idOwner ? (
                <p className="field-error" role="alert" data-testid="person-id-number-taken">
                  {t('idNumberCheck.taken', { name: idOwner.name, pin: idOwner.pin })}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="people-field">
          <label className="field-label" htmlFor="person-gender">
            {t('enroll.field.gender')}
          </label>
          <select id="person-gender" className="select" data-testid="person-gender" value={form.gender ?? ''} onChange={(e) => setForm((s) => ({ ...s, gender: e.target.value }))}>
            <option value="">—</option>
            <option value="M">{t('enroll.gender.M')}</option>
            <option value="F">{t('enroll.gender.F')}</option>
          </select>
        </div>
        <fieldset className="people-targets" data-testid="person-targets">
          <legend className="field-label">{t('personEdit.targetsTitle')}</legend>
          <p className="hint">{t('personEdit.targetsHint')}</p>
          <TargetPicker backends={backends} targets={targets} onChange={setTargets} testIdPrefix="edit" disabled={busy} />
        </fieldset>
        <PersonFace person={person} backends={backends} value={face} onChange={onFace} />
        <div className="people-form-actions">
          <button type="submit" className="button button-primary" data-testid="person-save" disabled={busy || !fields || idOwner !== null}>
            {busy ? t('people.saving') : t('common.save')}
          </button>
          <button type="button" className="button" data-testid="person-cancel" disabled={busy} onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
