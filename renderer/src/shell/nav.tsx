import { useTranslation } from 'react-i18next';
import { PAGES } from '../pages.ts';
import { hrefFor } from '../routes.ts';

/** The left navigation: one link per page in the registry. */
export function Nav({ activeId }: { readonly activeId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="nav-list">
        {PAGES.map((page) => (
          <li key={page.id}>
            <a
              className={page.id === activeId ? 'nav-link is-active' : 'nav-link'}
              href={hrefFor(page.id)}
              aria-current={page.id === activeId ? 'page' : undefined}
              data-testid={`nav-${page.id}`}
            >
              {t(page.navKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
