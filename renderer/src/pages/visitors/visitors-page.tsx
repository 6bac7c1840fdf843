import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendId } from '../../../../shared/contract/backends.ts';
import { VISITOR_ID_TYPES, VisitorFieldsSchema, type Visitor } from '../../../../shared/contract/visitors.ts';
import { strictestProfile } from '../../../../shared/rules/photo-profiles.ts';
import { ValidityInput } from '../../components/validity-input.tsx';
import { formatDateTime } from '../../date-time.ts';
import { FaceCapture, type CapturedFace } from '../../face/face-capture.tsx';
import { currentLang } from '../../i18n.ts';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { useSites } from '../../stores/sites.ts';
import { useVisitors, visitorsStore } from '../../stores/visitors.ts';
import { useErrorText } from '../../use-error-text.ts';
import './visitors.css';

type TextField = 'name' | 'hostPin' | 'idNumber' | 'phone' | 'company' | 'reason';
type Form = Partial<Record<TextField | 'validFrom' | 'validTo' | 'idType', string>>;

const TEXT_FIELDS: readonly { name: TextField; required?: boolean }[] = [
  { name: 'name', required: true },
  { name: 'hostPin', required: true },
  { name: 'idNumber' },
  { name: 'phone' },
  { name: 'company' },
  { name: 'reason' },
];

/** The form as the contract reads it: the visitor, or each field's problem (a `validation.` key). */
function validate(form: Form) {
  const present = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = VisitorFieldsSchema.safeParse(present);
  if (parsed.success) return { visitor: parsed.data, issues: {} as Record<string, string> };
  const issues: Record<string, string> = {};
  for (const issue of parsed.error.issues) issues[String(issue.path[0])] ??= issue.message;
  return { visitor: null, issues };
}

/** Visitors (issue 15 item 4): register today's visitor on a backend that has visitors; the day's list with arrived / left; check out. */
export function VisitorsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);
  const visitors = useVisitors((s) => s.visitors);
  const date = useVisitors((s) => s.date);
  const saving = useVisitors((s) => s.saving);
  const error = useVisitors((s) => s.error);
  const lastRegistered = useVisitors((s) => s.lastRegistered);
  const capabilities = useVisitors((s) => s.capabilities);
  const hostsByBackend = useVisitors((s) => s.hosts);
  const [backendId, setBackendId] = useState<BackendId | null>(null);
  const [form, setForm] = useState<Form>({});
  const [touched, setTouched] = useState(false);
  const [face, setFace] = useState<CapturedFace | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    void visitorsStore.getState().load(siteId);
  }, [siteId]);
  useEffect(() => visitorsStore.getState().watch(), []);
  const chosenId = backendId ?? backends[0]?.id ?? null;
  const chosen = backends.find((b) => b.id === chosenId) ?? null;
  useEffect(() => {
    if (chosenId !== null) void visitorsStore.getState().loadCapabilities(chosenId);
  }, [chosenId]);
  const hasVisitorApi = chosenId !== null && capabilities[chosenId]?.visitors === true;
  useEffect(() => {
    if (chosenId !== null && hasVisitorApi) void visitorsStore.getState().loadHosts(chosenId);
  }, [chosenId, hasVisitorApi]);
  const hosts = chosenId === null ? undefined : hostsByBackend[chosenId];
  const caps = chosenId === null ? undefined : capabilities[chosenId];
  const profile = useMemo(() => strictestProfile(chosen ? [chosen.vendor] : []), [chosen]);
  const onCapture = useCallback((captured: CapturedFace | null) => setFace(captured), []);
  const { visitor, issues } = useMemo(() => validate(form), [form]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!visitor || chosenId === null) return;
    const registered = await visitorsStore.getState().register({ backendId: chosenId, visitor, ...(face ? { face: { jpegBase64: face.jpegBase64, failedChecks: face.failedChecks } } : {}) });
    if (registered) {
      setForm({});
      setTouched(false);
      setFace(null);
      setRound((n) => n + 1);
    }
  }

  if (siteId === null) {
    return (
      <div className="page">
        <h1 className="page-title">{t('visitors.title')}</h1>
        <p className="empty">{t('visitors.noSite')}</p>
      </div>
    );
  }

  const time = (value: string | null) => (value === null ? t('visitors.notYet') : formatDateTime(value, currentLang()));
  const hasVisitors = caps?.visitors === true;

  return (
    <div className="page page-wide">
      <header className="page-header">
        <h1 className="page-title">{t('visitors.title')}</h1>
        <p className="page-intro">{t('visitors.intro')}</p>
      </header>
      <form className="visitors-layout" onSubmit={(e) => void submit(e)} noValidate>
        <section className="card visitors-register">
          <h2 className="card-title">{t('visitors.register')}</h2>
          {backends.length === 0 ? <p className="empty">{t('visitors.noBackends')}</p> : null}
          <div className="visitors-field">
            <label className="field-label" htmlFor="visitor-backend">
              {t('visitors.backend')}
            </label>
            <select id="visitor-backend" className="select" data-testid="visitor-backend" value={chosenId ?? ''} onChange={(e) => setBackendId(Number(e.target.value))}>
              {backends.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          {caps && !hasVisitors ? (
            <p className="field-error" role="status" data-testid="visitor-unsupported">
              {t('visitors.noVisitorApi')} {caps.notes['visitors']?.[currentLang()] ?? ''}
            </p>
          ) : null}
          {caps && hasVisitors && caps.notes['visitors'] ? (
            <p className="hint" data-testid="visitor-backend-note">
              {caps.notes['visitors'][currentLang()]}
            </p>
          ) : null}
          {TEXT_FIELDS.map((f) => {
            const issue = touched ? issues[f.name] : undefined;
            return (
              <div className="visitors-field" key={f.name}>
                <label className="field-label" htmlFor={`visitor-${f.name}`}>
                  {t(`visitors.field.${f.name}`)}
                  {f.required ? ' *' : ''}
                </label>
                <input
                  id={`visitor-${f.name}`}
                  className="input"
                  data-testid={`visitor-${f.name}`}
                  list={f.name === 'hostPin' && hosts ? 'visitor-host-options' : undefined}
                  value={form[f.name] ?? ''}
                  aria-invalid={issue ? true : undefined}
                  onChange={(e) => {
                    const value = e.target.value;
                    setForm((s) => ({ ...s, [f.name]: value }));
                  }}
                />
                {f.name === 'hostPin' && hosts ? (
                  <p className="hint" data-testid="visitor-host-hint">
                    {t('visitors.hostHint', { count: hosts.length })}
                  </p>
                ) : null}
                {issue ? (
                  <p className="field-error" data-testid={`visitor-${f.name}-error`}>
                    {issue === 'invalid_type' || (f.required && !form[f.name]) ? t('visitors.required') : t(`validation.${issue}`, { defaultValue: t('validation.invalid') })}
                  </p>
                ) : null}
              </div>
            );
          })}
          {hosts ? (
            <datalist id="visitor-host-options" data-testid="visitor-host-options">
              {hosts.map((h) => (
                <option key={h.pin} value={h.pin} label={h.name} />
              ))}
            </datalist>
          ) : null}
          <div className="visitors-field">
            <label className="field-label" htmlFor="visitor-idType">
              {t('visitors.field.idType')}
            </label>
            <select id="visitor-idType" className="select" data-testid="visitor-idType" value={form.idType ?? 'national-id'} onChange={(e) => setForm((s) => ({ ...s, idType: e.target.value }))}>
              {VISITOR_ID_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`visitors.idType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          {(['validFrom', 'validTo'] as const).map((name) => (
            <div className="visitors-field" key={name}>
              <label className="field-label" htmlFor={`visitor-${name}`}>
                {t(`visitors.field.${name}`)}
              </label>
              <ValidityInput id={`visitor-${name}`} testId={`visitor-${name}`} bound={name === 'validFrom' ? 'from' : 'to'} value={form[name] ?? ''} invalid={touched && issues[name] !== undefined} onChange={(value) => setForm((s) => ({ ...s, [name]: value }))} />
            </div>
          ))}
          <p className="hint">{t('visitors.defaultsHint')}</p>
        </section>
        <section className="card visitors-face">
          <h2 className="card-title">{t('visitors.face')}</h2>
          <FaceCapture round={round} profile={profile} onCapture={onCapture} />
        </section>
        <div className="visitors-save-row">
          <button type="submit" className="button button-primary" data-testid="visitor-submit" disabled={saving || !hasVisitors}>
            {saving ? t('visitors.submitting') : t('visitors.submit')}
          </button>
          {lastRegistered ? (
            <p className="hint" role="status" data-testid="visitor-result" data-state={lastRegistered.state}>
              {t(lastRegistered.state === 'failed' ? 'visitors.keptFailed' : lastRegistered.reserved ? 'visitors.reservedDone' : 'visitors.registered', { name: lastRegistered.name })}
            </p>
          ) : null}
          {error ? (
            <p className="field-error" role="alert" data-testid="visitor-error">
              {errorText(error)} {adviceOf(error.details)}
            </p>
          ) : null}
        </div>
      </form>
      <section className="card visitors-list">
        <h2 className="card-title">{t('visitors.today', { date: date ?? '' })}</h2>
        <label className="field-label" htmlFor="visitors-date">
          {t('visitors.date')}
        </label>
        <input id="visitors-date" type="date" className="input visitors-date" data-testid="visitors-date" value={date ?? ''} onChange={(e) => e.target.value && void visitorsStore.getState().load(siteId, e.target.value)} />
        {visitors.length === 0 ? (
          <p className="empty" data-testid="visitors-empty">
            {t('visitors.empty')}
          </p>
        ) : (
          <table className="table" data-testid="visitors-table">
            <thead>
              <tr>
                {(['name', 'host', 'company', 'reason', 'valid', 'presence', 'state'] as const).map((col) => (
                  <th scope="col" key={col}>
                    {t(`visitors.col.${col}`)}
                  </th>
                ))}
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {visitors.map((v) => (
                <VisitorRow key={v.id} visitor={v} time={time} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** Where the visitor is, from their passes: expected (none yet), arrived (one), left (two or more). */
function presenceOf(v: Visitor): 'expected' | 'arrived' | 'left' {
  return v.leftAt !== null ? 'left' : v.arrivedAt !== null ? 'arrived' : 'expected';
}

function VisitorRow({ visitor: v, time }: { visitor: Visitor; time: (value: string | null) => string }) {
  const { t } = useTranslation();
  const presence = presenceOf(v);
  const shownState = v.state === 'registered' && v.reserved ? 'reserved' : v.state;
  return (
    <tr data-testid="visitor-row" data-visitor-id={v.id} data-state={v.state} data-reserved={v.reserved ? 'true' : undefined}>
      <td>
        {v.name}
        {v.hasFace ? <span className="visitors-face-mark"> · {t('visitors.face_yes')}</span> : null}
      </td>
      <td>{v.hostName ? `${v.hostName} (${v.hostPin})` : v.hostPin}</td>
      <td>{v.company ?? ''}</td>
      <td>{v.reason ?? ''}</td>
      <td>
        {time(v.validFrom)} – {time(v.validTo)}
      </td>
      <td className="visitors-presence-cell">
        <span data-testid="visitor-presence" data-presence={presence} className={`visitors-presence visitors-presence-${presence}`}>
          {t(`visitors.presence.${presence}`, { time: presence === 'left' ? time(v.leftAt) : presence === 'arrived' ? time(v.arrivedAt) : '' })}
        </span>
        {presence === 'left' ? (
          <span className="visitors-presence-detail" data-testid="visitor-arrived">
            {t('visitors.presence.arrived', { time: time(v.arrivedAt) })}
          </span>
        ) : null}
      </td>
      <td data-testid="visitor-state">
        {t(`visitors.state.${shownState}`)}
        {v.error && v.state !== 'checked-out' ? <span className="field-error visitors-row-error"> {v.error.advice?.[currentLang()] ?? v.error.message}</span> : null}
      </td>
      <td>
        {v.state === 'failed' ? (
          <button type="button" className="button" data-testid="visitor-retry" onClick={() => void visitorsStore.getState().retry(v.id)}>
            {t('visitors.retry')}
          </button>
        ) : null}
        {v.state !== 'checked-out' ? (
          <button type="button" className="button" data-testid="visitor-checkout" onClick={() => void visitorsStore.getState().checkOut(v.id)}>
            {t(v.reserved ? 'visitors.cancelReservation' : 'visitors.checkOut')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** The advice an error carries, in the UI language ('' without one). */
function adviceOf(details: Record<string, unknown> | undefined): string {
  const advice = details?.['advice'] as { en: string; 'zh-CN': string } | undefined;
  return advice ? advice[currentLang()] : '';
}

