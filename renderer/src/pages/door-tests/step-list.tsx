import { useTranslation } from 'react-i18next';
import type { DoorTestStep } from '../../../../shared/contract/door-tests.ts';
import { formatMs } from '../../../../shared/i18n/format-units.ts';
import { useEventName, vendorOfEventId } from '../../components/vendor-event-name.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';

/**
 * A test's steps with their time since the start, in the user's language (English as kept when the
 * key is unknown): the backend's event named through its vendor's table, its time in the site's zone.
 */
export function StepList({ steps, testId }: { readonly steps: readonly DoorTestStep[]; readonly testId?: string }) {
  const { t, i18n } = useTranslation();
  const eventName = useEventName();
  const localized = (params: DoorTestStep['params']): DoorTestStep['params'] => {
    const out = { ...params };
    if (typeof params['event'] === 'string' && typeof params['eventId'] === 'string') {
      const { text, mark } = eventName(vendorOfEventId(params['eventId']), params['event']);
      out['event'] = mark ? `${text} ${mark}` : text;
    }
    if (typeof params['time'] === 'string') out['time'] = formatDateTimeSeconds(params['time'], i18n.language);
    return out;
  };
  return (
    <ol className="step-list" data-testid={testId}>
      {steps.map((step, index) => (
        <li key={`${index}-${step.ms}`} className="step">
          <span className="step-ms mono">+{formatMs(step.ms, i18n.language)}</span>
          <span className="step-what">{t(`doorTestSteps.${step.key}`, { ...localized(step.params), defaultValue: step.what })}</span>
        </li>
      ))}
    </ol>
  );
}
