import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { statusStore, useStatus } from '../stores/status.ts';

const SHOW_MS = 6_000;

/** The live region: status messages are announced to screen readers and shown briefly. */
export function StatusRegion() {
  const { t } = useTranslation();
  const message = useStatus((s) => s.message);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => statusStore.getState().clear(), SHOW_MS);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <div className="status-region" role="status" aria-live="polite" aria-atomic="true" data-testid="status">
      {message && (
        <p key={message.serial} className="toast">
          {t(message.key, message.values)}
        </p>
      )}
    </div>
  );
}
