import { useTranslation } from 'react-i18next';
import { LANGS, isLang } from '../../../shared/i18n/index.ts';
import { currentLang, LANG_NAMES, setLang } from '../i18n.ts';
import { useConnection } from '../stores/connection.ts';
import { announce, announceError } from '../stores/status.ts';
import { AlarmBanner, AlarmCount } from './alarm-banner.tsx';
import { sitesStore, useSites } from '../stores/sites.ts';
import { StreamHealthIndicator } from './stream-health.tsx';

/** The top bar: the app, the open alarms (and the banner of the newest), the site being worked on, and the language. */
export function Header() {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            D
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="header-controls">
          <StreamHealthIndicator />
          <AlarmCount />
          <CurrentSite />
          <label className="header-field">
            <span className="header-label">{t('common.language')}</span>
            <select
              className="select"
              value={lang}
              data-testid="lang-switch"
              onChange={(event) => {
                const value = event.target.value;
                if (isLang(value)) setLang(value);
              }}
            >
              {LANGS.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANG_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <AlarmBanner />
    </>
  );
}

const NONE = '';

/** Which site the other pages work on; switching here is `sites.select`, shared by every window. */
function CurrentSite() {
  const { t } = useTranslation();
  const sites = useSites((s) => s.sites);
  const currentSiteId = useSites((s) => s.currentSiteId);
  const loaded = useSites((s) => s.loaded);
  const ready = useConnection((s) => s.status === 'ready');

  return (
    <label className="header-field">
      <span className="header-label">{t('sites.currentLabel')}</span>
      <select
        className="select select-site"
        value={currentSiteId === null ? NONE : String(currentSiteId)}
        disabled={!ready || !loaded}
        data-testid="current-site"
        onChange={(event) => {
          const id = event.target.value === NONE ? null : Number(event.target.value);
          const site = sites.find((s) => s.id === id);
          void sitesStore
            .getState()
            .select(id)
            .then((ok) => {
              if (ok) {
                announce(site ? 'sites.selected' : 'sites.deselected', site ? { name: site.name } : {});
                return;
              }
              // The Sites page shows the error beside the list; from any other page, say it here.
              const failed = sitesStore.getState().error;
              if (failed) announceError(`errors.${failed.body.code}`, textValues(failed.body.details));
            });
        }}
      >
        <option value={NONE}>{t('common.noSiteSelected')}</option>
        {sites.map((site) => (
          <option key={site.id} value={String(site.id)}>
            {site.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function textValues(details: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(details ?? {}).map(([key, value]) => [key, String(value)]));
}
