import { useTranslation } from 'react-i18next';
import type { Backend, ConnectionTest } from '../../../../shared/contract/backends.ts';
import { formatDateTime } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { backendsStore, testStateOf, useBackends } from '../../stores/backends.ts';
import { announce } from '../../stores/status.ts';
import { useErrorText } from '../../use-error-text.ts';

/** The facts a test learns, in the order a person reads them; others follow under their own names. */
const FACT_ORDER = ['product', 'doors', 'devices', 'accessDevices', 'discoveredPanels', 'httpServer', 'certificateSubject', 'certificateSelfSigned', 'certificateSha256'];

/** "Test connection": the spinner while it runs, then the verdict in words a person acts on. */
export function VerdictCard({ backend }: { readonly backend: Backend }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const state = useBackends((s) => testStateOf(s.tests, backend.id));

  if (state.running) {
    return (
      <section className="card verdict-running" role="status" data-testid="verdict-testing">
        <span className="spinner" aria-hidden="true" />
        <p>{t('backends.verdict.running', { url: backend.baseUrl })}</p>
      </section>
    );
  }
  if (state.error) {
    return (
      <div className="alert alert-error" role="alert" data-testid="verdict-error">
        <p className="alert-text">{errorText(state.error)}</p>
      </div>
    );
  }
  return state.result ? <Verdict backend={backend} result={state.result} /> : null;
}

function Verdict({ backend, result }: { readonly backend: Backend; readonly result: ConnectionTest }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const pinError = useBackends((s) => (s.error?.action === 'update' && s.error.backendId === backend.id ? s.error.body : null));
  const ok = result.verdict === 'ok';
  const advice = result.advice?.[currentLang()] ?? t(`backends.verdict.next.${result.verdict}`);
  const fingerprint = typeof result.facts['certificateSha256'] === 'string' ? result.facts['certificateSha256'] : null;
  const facts = Object.entries(result.facts).sort(([a], [b]) => rank(a) - rank(b));
  const skewSeconds = result.clockSkewMs === null ? null : Math.round(result.clockSkewMs / 1000);

  async function pin(fingerprint256: string) {
    const saved = await backendsStore.getState().pinCertificate(backend.id, fingerprint256);
    if (saved) announce('backends.verdict.pinned');
  }

  return (
    <section className={ok ? 'card verdict verdict-ok' : 'card verdict verdict-bad'} aria-labelledby="verdict-title" data-testid="verdict" data-verdict={result.verdict}>
      <div className="verdict-head">
        <span className="verdict-icon" aria-hidden="true">
          {ok ? '✓' : '!'}
        </span>
        <h3 id="verdict-title" className="verdict-title">
          {t(`verdicts.${result.verdict}`)}
        </h3>
        <span className="hint">
          {t('backends.verdict.latency', { ms: result.latencyMs })} · <time dateTime={result.testedAt}>{formatDateTime(result.testedAt, i18n.language)}</time>
        </span>
      </div>

      <div className="verdict-next">
        <h4 className="verdict-subtitle">{t('backends.verdict.nextStep')}</h4>
        <p data-testid="verdict-advice">{advice}</p>
      </div>

      {skewSeconds !== null && (
        <p className="verdict-skew" data-testid="verdict-skew" data-skew-seconds={skewSeconds}>
          {t(skewSeconds === 0 ? 'backends.verdict.skewNone' : skewSeconds > 0 ? 'backends.verdict.skewAhead' : 'backends.verdict.skewBehind', { seconds: Math.abs(skewSeconds) })}
        </p>
      )}

      {facts.length > 0 && (
        <div>
          <h4 className="verdict-subtitle">{t('backends.verdict.learned')}</h4>
          <dl className="facts facts-compact">
            {facts.map(([key, value]) => (
              <div key={key} className="fact" data-fact={key}>
                <dt>{t(`backends.facts.${key}`, { defaultValue: key })}</dt>
                <dd className={key === 'certificateSha256' ? 'mono selectable' : undefined}>
                  {typeof value === 'boolean' ? t(value ? 'backends.yes' : 'backends.no') : String(value)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      {fingerprint && (
        <div className="verdict-pin">
          <p className="hint">{t('backends.verdict.pinHint')}</p>
          <button type="button" className="button" data-testid="verdict-pin" onClick={() => void pin(fingerprint)}>
            {t('backends.verdict.pin')}
          </button>
          {pinError && <p className="field-error">{errorText(pinError)}</p>}
        </div>
      )}

      {!ok && (
        <details className="verdict-detail">
          <summary>{t('backends.verdict.technical')}</summary>
          <p className="mono selectable">
            {result.cause ? `${result.cause}: ` : ''}
            {result.message}
          </p>
        </details>
      )}
    </section>
  );
}

function rank(key: string): number {
  const index = FACT_ORDER.indexOf(key);
  return index === -1 ? FACT_ORDER.length : index;
}
