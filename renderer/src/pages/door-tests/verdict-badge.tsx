import { useTranslation } from 'react-i18next';
import type { DoorTestVerdict } from '../../../../shared/contract/door-tests.ts';
import { Badge } from '../../components/badge.tsx';
import { DOOR_TEST_TONES } from '../../components/tones.ts';

/** A verdict as a badge whose tone follows the verdict (components/tones.ts). */
export function VerdictBadge({ verdict }: { readonly verdict: DoorTestVerdict }) {
  const { t } = useTranslation();
  return (
    <Badge tone={DOOR_TEST_TONES[verdict]} testId="doortest-verdict">
      {t(`doorTests.verdicts.${verdict}`)}
    </Badge>
  );
}
