import { useTranslation } from 'react-i18next';
import { statusStore, useStatus } from '../stores/status.ts';

/**
 * The live region: status messages are announced to screen readers and shown. A success line goes
 * by itself (stores/status.ts); an error stays, with Dismiss, until the next message replaces it.
 */
export function StatusRegion() {
  const { t } = useTranslation();
  const message = useStatus((s) => s.message);

  return (
    <div className="status-region" role="status" aria-live="polite" aria-atomic="true" data-testid="status">
      {message && (
        <p key={message.serial} className={message.kind === 'error' ? 'toast toast-error' : 'toast'} data-kind={message.kind}>
          <span>{t(message.key, message.values)}</span>
          {message.kind === 'error' && (
            <button type="button" className="toast-dismiss" data-testid="status-dismiss" aria-label={t('common.dismiss')} onClick={() => statusStore.getState().clear()}>
              ×
            </button>
          )}
        </p>
      )}
    </div>
  );
}
