import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HongtuSignForm } from './hongtu-sign-form.tsx';
import { K30SignForm } from './k30-sign-form.tsx';
import '../backends/backends.css';
import './workbench.css';

/** Vendors whose signature the workbench explains; Zhejiang arrives with its driver. */
const TABS = [
  { id: 'hongtu', ready: true },
  { id: 'k30', ready: true },
  { id: 'zhejiang', ready: false },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Signature workbench: for settling "your signature is wrong" with a vendor's support. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const [active, setActive] = useState<TabId>('hongtu');
  return (
    <div className="page commissioning">
      <header className="page-header">
        <h1 className="page-title">{t('workbench.title')}</h1>
        <p className="page-intro">{t('workbench.intro')}</p>
      </header>
      <div className="tabs tabs-page" role="tablist" aria-label={t('workbench.title')}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`workbench-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls="workbench-panel"
            disabled={!tab.ready}
            title={tab.ready ? undefined : t('workbench.later')}
            className={tab.id === active ? 'tab is-active' : 'tab'}
            data-testid={`workbench-tab-${tab.id}`}
            onClick={() => setActive(tab.id)}
          >
            {t(`backends.vendors.${tab.id}`)}
            {!tab.ready && <span className="tab-count">{t('workbench.laterShort')}</span>}
          </button>
        ))}
      </div>
      <div id="workbench-panel" role="tabpanel" aria-labelledby={`workbench-tab-${active}`}>
        {active === 'k30' ? <K30SignForm /> : <HongtuSignForm />}
      </div>
    </div>
  );
}
