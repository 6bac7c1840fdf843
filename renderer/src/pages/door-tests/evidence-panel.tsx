import { useTranslation } from 'react-i18next';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import type { DoorTestResult } from '../../../../shared/contract/door-tests.ts';
import { VendorEventName } from '../../components/vendor-event-name.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { StepList } from './step-list.tsx';

/** What a verdict rests on: the steps with their times, and the backend's own event. */
export function EvidencePanel({ result }: { readonly result: DoorTestResult }) {
  const { t } = useTranslation();
  const { event, steps } = result.evidence;
  return (
    <div className="evidence" data-testid="doortest-evidence" data-result-id={result.id}>
      <div>
        <h3 className="evidence-title">{t('doorTests.steps')}</h3>
        <StepList steps={steps} />
      </div>
      <div>
        <h3 className="evidence-title">{t('doorTests.event')}</h3>
        {event ? <EventFacts event={event} vendor={result.vendor} /> : <p className="hint">{t('doorTests.noEvent')}</p>}
      </div>
    </div>
  );
}

function EventFacts({ event, vendor }: { readonly event: AccessEvent; readonly vendor: string }) {
  const { t, i18n } = useTranslation();
  const person = [event.personPin, event.personName].filter(Boolean).join(' · ');
  const facts: [string, React.ReactNode][] = [
    ['kind', t(`doorTests.eventKinds.${event.kind}`)],
    ['door', event.doorName ?? event.doorId ?? '—'],
    ['person', person || '—'],
    ['time', <time dateTime={event.occurredAt}>{formatDateTimeSeconds(event.occurredAt, i18n.language)}</time>],
    ['description', event.description ? <VendorEventName vendor={vendor} name={event.description} /> : '—'],
  ];
  return (
    <dl className="facts event-facts" data-testid="doortest-event">
      {facts.map(([key, value]) => (
        <div key={key} className="fact" data-fact={key}>
          <dt>{t(`doorTests.eventFields.${key}`)}</dt>
          <dd className="selectable">{value}</dd>
        </div>
      ))}
      {event.photoUrl && (
        <div className="fact">
          <dt>{t('doorTests.eventFields.photo')}</dt>
          <dd>
            <EventPhoto url={event.photoUrl} />
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * The page's CSP allows images from data: and blob: only (besides our own origin), so a photo the
 * backend serves over http(s) cannot be shown here: say where it is instead of a broken image.
 */
function EventPhoto({ url }: { readonly url: string }) {
  const { t } = useTranslation();
  if (/^(data:image\/|blob:)/i.test(url)) {
    return <img className="event-photo" src={url} alt={t('doorTests.photoAlt')} data-testid="doortest-photo" />;
  }
  return (
    <span className="selectable mono" data-testid="doortest-photo-link">
      {t('doorTests.photoElsewhere', { url })}
    </span>
  );
}
