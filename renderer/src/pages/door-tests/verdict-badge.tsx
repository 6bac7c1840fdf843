import { useTranslation } from 'react-i18next';
import type { DoorTestVerdict } from '../../../../shared/contract/door-tests.ts';

/** A verdict as a coloured badge; the colour class follows the verdict (door-tests.css). */
export function VerdictBadge({ verdict }: { readonly verdict: DoorTestVerdict }) {
  const { t } = useTranslation();
  return (
    <span className={`badge verdict verdict-${verdict}`} data-testid="doortest-verdict">
      {t(`doorTests.verdicts.${verdict}`)}
    </span>
  );
}
