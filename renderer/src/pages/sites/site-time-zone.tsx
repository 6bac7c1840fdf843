import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../shared/contract/sites.ts';
import { localTimeZone } from '../../../../shared/i18n/format-time.ts';
import { timeZoneChoices } from '../../../../shared/rules/time-zones.ts';
import { announce } from '../../stores/status.ts';
import { sitesStore, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import './site-time-zone.css';

/**
 * A site's time zone, chosen from the IANA zones this browser knows; the computer's own zone comes
 * first, marked, as the likely answer (an installer's laptop on a China site: Asia/Shanghai). Saved
 * as soon as it is chosen; every time of the site is then shown in it.
 */
export function SiteTimeZone({ site }: { readonly site: Site }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const serverError = useSites((s) => (s.error?.action === 'timeZone' && s.error.siteId === site.id ? s.error.body : null));
  const here = localTimeZone();
  const choices = timeZoneChoices(here);
  // A zone stored by an older runtime or another computer that this browser's list lacks stays shown.
  const options = choices.includes(site.timeZone) ? choices : [site.timeZone, ...choices];
  const errorId = `site-${site.id}-time-zone-error`;

  async function choose(timeZone: string) {
    if (busy || timeZone === site.timeZone) return;
    setBusy(true);
    const saved = await sitesStore.getState().setTimeZone(site.id, timeZone);
    setBusy(false);
    if (saved) announce('siteTimeZone.saved', { name: saved.name, zone: saved.timeZone });
  }

  return (
    <div className="site-time-zone">
      <select
        className="input input-compact select"
        value={site.timeZone}
        disabled={busy}
        aria-label={t('siteTimeZone.label', { name: site.name })}
        aria-describedby={errorId}
        aria-invalid={serverError !== null}
        title={t('siteTimeZone.hint')}
        data-testid="site-time-zone"
        onChange={(event) => void choose(event.target.value)}
      >
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone === here ? t('siteTimeZone.thisComputer', { zone }) : zone}
          </option>
        ))}
      </select>
      <p id={errorId} className="field-error" aria-live="polite">
        {serverError && <span data-testid="site-time-zone-error">{errorText(serverError)}</span>}
      </p>
    </div>
  );
}
