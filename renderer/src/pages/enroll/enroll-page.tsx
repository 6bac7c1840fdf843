import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vendor } from '../../../../shared/contract/backends.ts';
import type { PersonFields } from '../../../../shared/contract/people.ts';
import { strictestProfile } from '../../../../shared/rules/photo-profiles.ts';
import { ValidityInput } from '../../components/validity-input.tsx';
import { DepartmentPicker } from '../../components/department-picker.tsx';
import { TargetPicker, targetList, type Targets } from '../../components/target-picker.tsx';
import { SyncQueue } from '../../components/sync-queue.tsx';
import { BackendFaceCheck } from '../../components/backend-face-check.tsx';
import { FaceCapture, type CapturedFace } from '../../face/face-capture.tsx';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { enrollmentStore, useEnrollment } from '../../stores/enrollment.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { validatePersonForm, validIdNumber, type PersonForm } from '../people/people-logic.ts';
import { useIdNumberOwner } from '../../stores/id-number-owner.ts';
import { NoFaceDialog } from './no-face-dialog.tsx';
import './enroll.css';

type FieldName = keyof PersonFields;

const FIELDS: readonly { name: FieldName; testId: string; required?: boolean; placeholder?: string }[] = [
  { name: 'pin', testId: 'enroll-pin', required: true },
  { name: 'name', testId: 'enroll-name', required: true },
  { name: 'idNumber', testId: 'enroll-id-number' },
  { name: 'phone', testId: 'enroll-phone' },
  { name: 'department', testId: 'enroll-department' },
  { name: 'cardNo', testId: 'enroll-card' },
  { name: 'validFrom', testId: 'enroll-valid-from' },
  { name: 'validTo', testId: 'enroll-valid-to' },
];

type Form = PersonForm;

/** Enrollment: the person, where they go, their face; saved to the local store and synced. */
export function EnrollPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);
  const saving = useEnrollment((s) => s.saving);
  const lastResult = useEnrollment((s) => s.lastResult);
  const error = useEnrollment((s) => s.error);
  const [form, setForm] = useState<Form>({});
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [targets, setTargets] = useState<Targets>({});
  const [face, setFace] = useState<CapturedFace | null>(null);
  // People saved on this page: the capture waits for a new face after each.
  const [saved, setSaved] = useState(0);
  // Save with no face photo: asks for confirmation and a reason first (issue 12 item 2).
  const [askNoFace, setAskNoFace] = useState(false);

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    void enrollmentStore.getState().load(siteId);
  }, [siteId]);
  useEffect(() => enrollmentStore.getState().watch(), []);

  const { person, issues } = useMemo(() => validatePersonForm(form), [form]);
  // Someone else on the site with this ID number (issue 12 item 3): said at the field, Save waits.
  const idOwner = useIdNumberOwner(siteId, validIdNumber(form, issues));
  const chosen = backends.filter((b) => targets[b.id] !== undefined);
  const vendorKey = chosen.map((b) => b.vendor).join(',');
  // Keyed on the vendors, so the capture's profile keeps its identity while they stay the same.
  const profile = useMemo(() => strictestProfile(vendorKey === '' ? [] : (vendorKey.split(',') as Vendor[])), [vendorKey]);
  const onCapture = useCallback((captured: CapturedFace | null) => setFace(captured), []);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setTouched(Object.fromEntries(FIELDS.map((f) => [f.name, true])));
    if (!person || siteId === null || idOwner) return;
    if (!face) {
      setAskNoFace(true);
      return;
    }
    await submit();
  }

  async function submit(noFaceReason?: string) {
    if (!person || siteId === null) return;
    const result = await enrollmentStore.getState().enroll({
      siteId,
      person,
      targets: targetList(targets),
      ...(face ? { face: { jpegBase64: face.jpegBase64, failedChecks: face.failedChecks } } : {}),
      ...(!face && noFaceReason !== undefined ? { noFaceReason } : {}),
    });
    setAskNoFace(false);
    if (result) {
      setForm({});
      setTouched({});
      setFace(null);
      setSaved((n) => n + 1);
    }
  }

  if (siteId === null) {
    return (
      <div className="page">
        <h1 className="page-title">{t('enroll.title')}</h1>
        <p className="empty">{t('enroll.noSite')}</p>
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t('enroll.title')}</h1>
        <p className="page-intro">{t('enroll.intro')}</p>
      </header>
      <form className="enroll-layout" onSubmit={(e) => void save(e)} noValidate>
        <section className="card enroll-person">
          <h2 className="card-title">{t('enroll.person')}</h2>
          {FIELDS.map((f) => {
            const issue = touched[f.name] ? issues[f.name] : undefined;
            return (
              <div className="enroll-field" key={f.name}>
                <label className="field-label" htmlFor={`enroll-${f.name}`}>
                  {t(`enroll.field.${f.name}`)}
                  {f.required ? ' *' : ''}
                </label>
                {f.name === 'validFrom' || f.name === 'validTo' ? (
                  <ValidityInput
                    id={`enroll-${f.name}`}
                    testId={f.testId}
                    bound={f.name === 'validFrom' ? 'from' : 'to'}
                    value={form[f.name] ?? ''}
                    invalid={issue !== undefined}
                    describedBy={issue ? `enroll-${f.name}-error` : undefined}
                    onChange={(value) => {
                      setForm((s) => ({ ...s, [f.name]: value }));
                      setTouched((s) => ({ ...s, [f.name]: true }));
                    }}
                  />
                ) : f.name === 'department' ? (
                  <DepartmentPicker
                    id="enroll-department"
                    testId={f.testId}
                    chosen={chosen}
                    value={form.department}
                    onChange={(code) => setForm((s) => ({ ...s, department: code }))}
                  />
                ) : (
                  <input
                    id={`enroll-${f.name}`}
                    className="input"
                    data-testid={f.testId}
                    value={form[f.name] ?? ''}
                    placeholder={f.placeholder}
                    aria-invalid={issue ? true : undefined}
                    aria-describedby={issue ? `enroll-${f.name}-error` : undefined}
                    onChange={(e) => {
                      const value = e.target.value;
                      setForm((s) => ({ ...s, [f.name]: value }));
                      setTouched((s) => ({ ...s, [f.name]: true }));
                    }}
                  />
                )}
                {issue ? (
                  <p className="field-error" id={`enroll-${f.name}-error`} data-testid={`${f.testId}-error`}>
                    {t(issue === 'required' ? 'enroll.required' : `validation.${issue}`, { defaultValue: t('validation.invalid') })}
                  </p>
                ) : null}
                {f.name === 'idNumber' && idOwner ? (
                  <p className="field-error" role="alert" data-testid="enroll-id-number-taken">
                    {t('idNumberCheck.taken', { name: idOwner.name, pin: idOwner.pin })}
                  </p>
                ) : null}
              </div>
            );
          })}
          <div className="enroll-field">
            <label className="field-label" htmlFor="enroll-gender">
              {t('enroll.field.gender')}
            </label>
            <select id="enroll-gender" className="select" data-testid="enroll-gender" value={form.gender ?? ''} onChange={(e) => setForm((s) => ({ ...s, gender: e.target.value }))}>
              <option value="">—</option>
              <option value="M">{t('enroll.gender.M')}</option>
              <option value="F">{t('enroll.gender.F')}</option>
            </select>
          </div>
        </section>

        <section className="card enroll-targets">
          <h2 className="card-title">{t('enroll.targets')}</h2>
          <TargetPicker backends={backends} targets={targets} onChange={setTargets} testIdPrefix="enroll" />
          <p className="hint" data-testid="enroll-profile">
            {chosen.length === 0 ? t('enroll.profileNone') : t('enroll.profile', { pixels: profile.minPixels, formats: profile.formats.join('/') })}
          </p>
        </section>

        <section className="card enroll-face">
          <h2 className="card-title">{t('enroll.face')}</h2>
          <FaceCapture round={saved} profile={profile} onCapture={onCapture} />
          {face && face.failedChecks.length > 0 ? (
            <p className="hint" data-testid="enroll-face-failed">
              {t('enroll.faceFailed', { checks: face.failedChecks.map((c) => t(`face.check.${c}`)).join(', ') })}
            </p>
          ) : null}
          {face ? <BackendFaceCheck jpegBase64={face.jpegBase64} backends={chosen} /> : null}
        </section>

        <div className="enroll-save-row">
          <button type="submit" className="button button-primary" data-testid="enroll-save" disabled={saving || !person || idOwner !== null}>
            {saving ? t('enroll.saving') : t('enroll.save')}
          </button>
          {lastResult ? (
            <p className="hint" role="status" data-testid="enroll-result" data-person-id={lastResult.person.id}>
              {t('enroll.saved', { name: lastResult.person.fields.name, count: lastResult.outbox.length })}
            </p>
          ) : null}
          {error ? (
            <p className="field-error" role="alert" data-testid="enroll-error">
              {errorText(error)}
            </p>
          ) : null}
        </div>
      </form>
      <NoFaceDialog open={askNoFace} name={form.name ?? ''} busy={saving} onConfirm={(reason) => void submit(reason)} onCancel={() => setAskNoFace(false)} />
      <SyncQueue backends={backends} />
    </div>
  );
}
