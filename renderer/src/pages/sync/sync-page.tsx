import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { deviceResultsStore } from '../../stores/device-results.ts';
import { enrollmentStore, useEnrollment } from '../../stores/enrollment.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { DeviceResults } from '../../components/device-results.tsx';
import { SyncQueue } from '../../components/sync-queue.tsx';

/**
 * The Sync queue page: every remote write of the current site, its state, and retry / cancel; then
 * what the devices reported about each person sent (backends that report per-device results).
 */
export function SyncPage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);
  const error = useEnrollment((s) => s.error);
  const errorText = useErrorText();

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    void enrollmentStore.getState().load(siteId);
    void deviceResultsStore.getState().load(siteId);
  }, [siteId]);
  useEffect(() => enrollmentStore.getState().watch(), []);
  useEffect(() => deviceResultsStore.getState().watch(), []);

  return (
    <div className="page page-wide" data-testid="sync-page">
      <header className="page-header">
        <h1 className="page-title">{t('outbox.title')}</h1>
        <p className="page-intro">{t('outbox.intro')}</p>
      </header>
      {/* A Retry or Cancel the core refused (e.g. outbox_cancelled: the entry was cancelled meanwhile). */}
      {error ? (
        <p className="field-error" role="alert" data-testid="sync-error">
          {errorText(error)}
        </p>
      ) : null}
      {siteId === null ? <p className="empty">{t('common.noSiteSelected')}</p> : (
        <>
          <SyncQueue backends={backends} />
          <DeviceResults backends={backends} />
        </>
      )}
    </div>
  );
}
