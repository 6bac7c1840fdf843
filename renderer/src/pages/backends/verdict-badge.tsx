import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.tsx';
import { verdictTone } from '../../components/tones.ts';

/** A verdict as a small coloured label (the stored verdict is text: unknown codes show as they are). */
export function VerdictBadge({ verdict }: { readonly verdict: string }) {
  const { t } = useTranslation();
  return (
    <span data-verdict={verdict}>
      <Badge tone={verdictTone(verdict)}>{t(`verdicts.${verdict}`, { defaultValue: verdict })}</Badge>
    </span>
  );
}
