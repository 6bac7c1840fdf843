import { useTranslation } from 'react-i18next';

/** A verdict as a small coloured label (the stored verdict is text: unknown codes show as they are). */
export function VerdictBadge({ verdict }: { readonly verdict: string }) {
  const { t } = useTranslation();
  return (
    <span className={verdict === 'ok' ? 'badge' : 'badge badge-bad'} data-verdict={verdict}>
      {t(`verdicts.${verdict}`, { defaultValue: verdict })}
    </span>
  );
}
