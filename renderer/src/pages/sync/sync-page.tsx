import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { enrollmentStore } from '../../stores/enrollment.ts';
import { useSites } from '../../stores/sites.ts';
import { SyncQueue } from '../enroll/sync-queue.tsx';
import '../enroll/enroll.css';

/** The Sync queue page: every remote write of the current site, its state, and retry / cancel. */
export function SyncPage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    void enrollmentStore.getState().load(siteId);
  }, [siteId]);
  useEffect(() => enrollmentStore.getState().watch(), []);

  return (
    <div className="page page-wide" data-testid="sync-page">
      <header className="page-header">
        <h1 className="page-title">{t('outbox.title')}</h1>
        <p className="page-intro">{t('outbox.intro')}</p>
      </header>
      {siteId === null ? <p className="empty">{t('common.noSiteSelected')}</p> : <SyncQueue backends={backends} />}
    </div>
  );
}
