import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionStore, useConnection } from '../stores/connection.ts';
import { useErrorText } from '../use-error-text.ts';

const RETRY_MS = 3_000;

/**
 * Shown instead of the page while the core is not usable: connecting, unreachable (retrying by
 * itself) or failed (the core answered with an error, e.g. a database it cannot open).
 */
export function ConnectionPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useConnection((s) => s.status);
  const error = useConnection((s) => s.error);

  useEffect(() => {
    if (status !== 'unreachable') return;
    const timer = setInterval(() => void connectionStore.getState().check(), RETRY_MS);
    return () => clearInterval(timer);
  }, [status]);

  if (status === 'connecting') {
    return (
      <div className="connection connection-waiting" data-testid="connection-connecting">
        <span className="spinner" aria-hidden="true" />
        <p>{t('connection.connecting')}</p>
      </div>
    );
  }

  const unreachable = status === 'unreachable';
  return (
    <section className="connection" role="alert" aria-labelledby="connection-title" data-testid="connection-lost">
      <div className={unreachable ? 'connection-icon' : 'connection-icon is-failed'} aria-hidden="true">
        {unreachable ? <UnpluggedIcon /> : <AlertIcon />}
      </div>
      <h1 id="connection-title" className="connection-title">
        {unreachable ? t('connection.unreachableTitle') : t('connection.failedTitle')}
      </h1>
      <p className="connection-body">{unreachable ? t('connection.unreachableBody') : error ? errorText(error) : ''}</p>
      {unreachable && error && error.code !== 'transport_closed' && <p className="connection-detail">{errorText(error)}</p>}
      {unreachable && <p className="hint">{t('connection.retrying')}</p>}
      <button type="button" className="button button-primary" onClick={() => void connectionStore.getState().check()}>
        {t('common.retry')}
      </button>
    </section>
  );
}

function UnpluggedIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M9 7V3M15 7V3M6 7h12v4a6 6 0 0 1-12 0zM12 17v4M3 3l18 18" />
    </svg>
  );
}

function AlertIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </svg>
  );
}
