import { useTranslation } from 'react-i18next';
import type { DoorTestVerdict } from '../../../shared/contract/door-tests.ts';
import { Badge } from './badge.tsx';
import { DOOR_TEST_TONES, verdictTone, type Tone } from './tones.ts';

/**
 * Whose verdict: a connection test's (Backends; stored as text, so a code this Doorman does not know
 * shows as it is, tone `warn`) or a door test's.
 */
type VerdictOf = { readonly of: 'connection'; readonly verdict: string } | { readonly of: 'door-test'; readonly verdict: DoorTestVerdict };

/** A verdict as a badge whose tone follows the verdict (components/tones.ts) and whose words say it. */
export function VerdictBadge(props: VerdictOf) {
  const { t } = useTranslation();
  let tone: Tone;
  let words: string;
  if (props.of === 'door-test') {
    tone = DOOR_TEST_TONES[props.verdict];
    words = t(`doorTests.verdicts.${props.verdict}`);
  } else {
    tone = verdictTone(props.verdict);
    words = t(`verdicts.${props.verdict}`, { defaultValue: props.verdict });
  }
  const badge = (
    <Badge tone={tone} testId={props.of === 'door-test' ? 'doortest-verdict' : undefined}>
      {words}
    </Badge>
  );
  return props.of === 'door-test' ? badge : <span data-verdict={props.verdict}>{badge}</span>;
}
