import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../shared/contract/sites.ts';
import { Badge } from '../../components/badge.tsx';
import { formatDateTime } from '../../date-time.ts';
import { announce } from '../../stores/status.ts';
import { sitesStore, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { SiteAddress } from './site-address.tsx';
import { SiteTimeZone } from './site-time-zone.tsx';
import { checkSiteName } from './site-name.ts';

interface SiteRowProps {
  readonly site: Site;
  readonly current: boolean;
  readonly editing: boolean;
  readonly onEdit: (editing: boolean) => void;
  readonly onDelete: (site: Site) => void;
}

/** One site in the list, renamed in place: Enter saves, Esc cancels. */
export function SiteRow({ site, current, editing, onEdit, onDelete }: SiteRowProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const [draft, setDraft] = useState(site.name);
  const [busy, setBusy] = useState(false);
  // Set when the rename ends by the user's hand, so focus goes back to the Rename button; not
  // when another row takes over the editing.
  const returnFocus = useRef(false);
  const serverError = useSites((s) =>
    s.error?.action === 'rename' && s.error.siteId === site.id ? s.error.body : null,
  );

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      renameButtonRef.current?.focus();
    }
  }, [editing]);

  const check = checkSiteName(draft);
  const message = serverError
    ? errorText(serverError)
    : !check.ok
      ? t(`validation.${check.key}`, { defaultValue: t('validation.invalid') })
      : '';
  const errorId = `site-${site.id}-rename-error`;
  // Row buttons all read "Rename", "Delete"…: the site's name describes which one.
  const nameId = `site-${site.id}-name`;

  function finish() {
    returnFocus.current = true;
    onEdit(false);
  }

  function cancel() {
    if (serverError) sitesStore.getState().clearError();
    finish();
  }

  async function save() {
    if (busy || !check.ok) return;
    if (check.name === site.name) {
      announce('sites.unchanged');
      finish();
      return;
    }
    setBusy(true);
    const renamed = await sitesStore.getState().rename(site.id, check.name);
    setBusy(false);
    if (renamed) {
      announce('sites.renamed', { name: renamed.name });
      finish();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <tr data-testid="site-row" data-site-id={site.id} className={current ? 'site-row is-current' : 'site-row'}>
      <td className="site-name-cell">
        {editing ? (
          <div className="rename">
            <input
              className="input input-compact"
              type="text"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={draft}
              aria-label={t('sites.renameLabel', { name: site.name })}
              aria-invalid={message !== ''}
              aria-describedby={errorId}
              disabled={busy}
              data-testid="site-rename-input"
              onChange={(event) => {
                setDraft(event.target.value);
                if (serverError) sitesStore.getState().clearError();
              }}
              onKeyDown={onKeyDown}
            />
            <p id={errorId} className="field-error" aria-live="polite">
              {message && <span data-testid="rename-error">{message}</span>}
            </p>
          </div>
        ) : (
          <span className="site-name">
            <span id={nameId} className="site-name-text">
              {site.name}
            </span>
            {current && <Badge tone="info">{t('sites.currentBadge')}</Badge>}
          </span>
        )}
      </td>
      <td className="site-address-cell">
        <SiteAddress site={site} />
      </td>
      <td className="site-time-zone-cell">
        <SiteTimeZone site={site} />
      </td>
      <td className="site-created">
        <time dateTime={site.createdAt}>{formatDateTime(site.createdAt, i18n.language, site.timeZone)}</time>
      </td>
      <td className="site-actions">
        {editing ? (
          <>
            <button type="button" className="button button-primary button-small" disabled={busy || !check.ok} onClick={() => void save()}>
              {t('common.save')}
            </button>
            <button type="button" className="button button-small" disabled={busy} onClick={cancel}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <>
            {!current && (
              <button
                type="button"
                className="button button-small"
                data-testid="site-select"
                aria-describedby={nameId}
                onClick={() => {
                  void sitesStore
                    .getState()
                    .select(site.id)
                    .then((ok) => ok && announce('sites.selected', { name: site.name }));
                }}
              >
                {t('common.select')}
              </button>
            )}
            <button
              ref={renameButtonRef}
              type="button"
              className="button button-small"
              data-testid="site-rename"
              aria-describedby={nameId}
              onClick={() => {
                setDraft(site.name);
                onEdit(true);
              }}
            >
              {t('common.rename')}
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              data-testid="site-delete"
              aria-describedby={nameId}
              onClick={() => onDelete(site)}
            >
              {t('common.delete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
