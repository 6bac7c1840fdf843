import { useTranslation } from 'react-i18next';
import { eventNameText, vendorOfEventId } from '../../../shared/vendor-events/event-name.ts';

/**
 * A vendor's event name in the UI language through the vendor's table (shared/vendor-events); a
 * name the table lacks is shown as the vendor wrote it, marked "(as ZKBio wrote it)".
 */
export function useEventName(): (vendor: string | null, name: string) => { text: string; known: boolean; mark: string } {
  const { t, i18n } = useTranslation();
  return (vendor, name) => {
    const { text, known } = vendor === null ? { text: name, known: false } : eventNameText(vendor, name, i18n.language);
    const vendorName = vendor === null ? t('vendorEvent.theBackend') : t(`report.vendors.${vendor}`, { defaultValue: vendor });
    return { text, known, mark: known ? '' : t('vendorEvent.unknownMark', { vendor: vendorName }) };
  };
}

/** The vendor of an event id (`zk:…`, `ht:…`), for steps and events that carry no vendor of their own. */
export { vendorOfEventId };

/** The name as a phrase, with the mark after a name Doorman has no words for. */
export function VendorEventName({ vendor, name }: { readonly vendor: string | null; readonly name: string }) {
  const { t } = useTranslation();
  const eventName = useEventName();
  const { text, known, mark } = eventName(vendor, name);
  if (known) return <span data-testid="vendor-event-name">{text}</span>;
  return (
    <span data-testid="vendor-event-name" data-known="false" title={t('vendorEvent.unknownTitle')}>
      {text} <span className="hint" data-testid="vendor-event-unknown">{mark}</span>
    </span>
  );
}
