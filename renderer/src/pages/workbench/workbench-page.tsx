import { useTranslation } from 'react-i18next';
import { HongtuSignForm } from './hongtu-sign-form.tsx';
import '../backends/backends.css';
import './workbench.css';

/** Vendors whose signature the workbench explains; K30 and Zhejiang arrive with their drivers. */
const TABS = [
  { id: 'hongtu', ready: true },
  { id: 'k30', ready: false },
  { id: 'zhejiang', ready: false },
] as const;

/** Signature workbench: for settling "your signature is wrong" with a vendor's support. */
export function WorkbenchPage() {
  const { t } = useTranslation();
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
            type="button"
            role="tab"
            aria-selected={tab.id === 'hongtu'}
            disabled={!tab.ready}
            title={tab.ready ? undefined : t('workbench.later')}
            className={tab.id === 'hongtu' ? 'tab is-active' : 'tab'}
            data-testid={`workbench-tab-${tab.id}`}
          >
            {t(`backends.vendors.${tab.id}`)}
            {!tab.ready && <span className="tab-count">{t('workbench.laterShort')}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        <HongtuSignForm />
      </div>
    </div>
  );
}
