import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/app.ts';
import { LANGS } from '../../../../shared/i18n/index.ts';
import { currentLang, LANG_NAMES, setLang } from '../../i18n.ts';
import { useConnection } from '../../stores/connection.ts';
import { GuardRoomSettings } from './guard-room-settings.tsx';

/** Settings: the UI language, and what this Doorman is (from the core's `app.info`). */
export function SettingsPage() {
  const { t } = useTranslation();
  const info = useConnection((s) => s.info);
  // useTranslation re-renders this on a language switch, so reading the language here is current.
  const lang = currentLang();

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t('settings.title')}</h1>
      </header>

      <section className="card">
        <fieldset className="choice-group">
          <legend className="card-title">{t('settings.language')}</legend>
          <p className="hint">{t('settings.languageHint')}</p>
          <div className="choices">
            {LANGS.map((code) => (
              <label key={code} className="choice">
                <input
                  type="radio"
                  name="language"
                  value={code}
                  checked={lang === code}
                  data-testid={`settings-lang-${code}`}
                  onChange={() => setLang(code)}
                />
                <span lang={code}>{LANG_NAMES[code]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <GuardRoomSettings />

      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title" className="card-title">
          {t('settings.about')}
        </h2>
        {info ? <About info={info} /> : <p className="hint">{t('settings.aboutUnavailable')}</p>}
      </section>
    </div>
  );
}

function About({ info }: { readonly info: AppInfo }) {
  const { t } = useTranslation();
  const rows: readonly [string, string, string][] = [
    ['version', t('settings.version'), info.version],
    ['schema', t('settings.schemaVersion'), String(info.schemaVersion)],
    ['data-dir', t('settings.dataDir'), info.dataDir],
    ['runtime', t('settings.runtime'), info.runtime === 'electron' ? t('settings.runtimeElectron') : t('settings.runtimeNode')],
    [
      'secret-box',
      t('settings.secretBox'),
      info.secretBox === 'safe-storage' ? t('settings.secretBoxSafeStorage') : t('settings.secretBoxKeyFile'),
    ],
  ];
  return (
    <dl className="facts" data-testid="about">
      <div className="fact">
        <dt>{t('app.name')}</dt>
        <dd>{t('app.tagline')}</dd>
      </div>
      {rows.map(([id, label, value]) => (
        <div key={id} className="fact" data-testid={`about-${id}`}>
          <dt>{label}</dt>
          <dd className={id === 'data-dir' ? 'mono selectable' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
