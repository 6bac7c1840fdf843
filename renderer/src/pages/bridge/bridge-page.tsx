import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { useSites } from '../../stores/sites.ts';
import { AdvancedSettings } from './advanced-settings.tsx';
import { AttendanceQueue } from './attendance-queue.tsx';
import { DevicesPanel } from './devices-panel.tsx';
import { SettingsForm } from './settings-form.tsx';
import { TaskHistory } from './task-history.tsx';
import { TestPanel } from './test-panel.tsx';
import './bridge.css';

/**
 * The platform bridge (issue 16 item 5), for the installer of a site on a real-name platform:
 * settings, test connection, devices with their doors and live state, task history, attendance
 * queue, advanced codec settings. One read on open; afterwards the page follows `bridge.state`.
 */
export function BridgePage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const bridges = useBridge((s) => s.bridges);
  const bridgeId = useBridge((s) => s.bridgeId);
  const bridge = bridges?.find((b) => b.id === bridgeId) ?? null;

  useEffect(() => bridgeStore.getState().watch(), []);
  useEffect(() => {
    if (siteId !== null) void bridgeStore.getState().load(siteId);
  }, [siteId]);

  if (siteId === null) {
    return (
      <div className="page">
        <h1 className="page-title">{t('bridgePage.title')}</h1>
        <p className="empty">{t('bridgePage.noSite')}</p>
      </div>
    );
  }

  return (
    <div className="page page-wide" data-testid="bridge-page">
      <header className="page-header">
        <h1 className="page-title">{t('bridgePage.title')}</h1>
        <p className="page-intro">{t('bridgePage.intro')}</p>
      </header>
      {bridges === null ? (
        <p className="hint">{t('bridgePage.loading')}</p>
      ) : (
        <>
          {bridges.length > 0 ? (
            <div className="bridge-chooser">
              <label className="field-label" htmlFor="bridge-choose">
                {t('bridgePage.choose')}
              </label>
              <select id="bridge-choose" className="select" data-testid="bridge-choose" value={bridgeId ?? 'new'} onChange={(e) => void bridgeStore.getState().choose(e.target.value === 'new' ? null : Number(e.target.value))}>
                {bridges.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
                <option value="new">{t('bridgePage.addNew')}</option>
              </select>
            </div>
          ) : null}
          <SettingsForm key={bridge ? `${bridge.id}@${bridge.updatedAt}` : 'new'} siteId={siteId} bridge={bridge} />
          {bridge ? (
            <>
              <TestPanel />
              <DevicesPanel />
              <TaskHistory />
              <AttendanceQueue />
              <AdvancedSettings key={`${bridge.id}@${bridge.updatedAt}`} bridge={bridge} />
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
