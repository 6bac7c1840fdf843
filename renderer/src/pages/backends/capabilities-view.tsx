import { useTranslation } from 'react-i18next';
import type { BackendId, Capabilities } from '../../../../shared/contract/backends.ts';
import { currentLang } from '../../i18n.ts';
import { useInventory } from '../../stores/inventory.ts';
import { useErrorText } from '../../use-error-text.ts';

interface Row {
  readonly name: string;
  readonly can: boolean;
  readonly value: string;
  /** Its label's catalog key, when not `backends.capabilities.<name>`. */
  readonly label?: string;
}

/** What this system's API can and cannot do, so nobody looks for a button that cannot work. */
export function CapabilitiesView({ backendId }: { readonly backendId: BackendId }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const state = useInventory((s) => s.capabilities[backendId]);
  if (!state) return null;
  if (!state.capabilities) {
    return (
      <section className="card">
        <h3 className="card-title">{t('backends.capabilities.title')}</h3>
        <p className="hint">{state.error ? errorText(state.error) : ''}</p>
      </section>
    );
  }
  const caps = state.capabilities;
  const rows = rowsOf(caps, t);
  return (
    <section className="card" aria-labelledby="caps-title" data-testid="capabilities">
      <h3 id="caps-title" className="card-title">
        {t('backends.capabilities.title')}
      </h3>
      <ul className="caps">
        {rows.map((row) => (
          <li key={row.name} className={row.can ? 'cap cap-yes' : 'cap cap-no'} data-capability={row.name}>
            <span className="cap-mark" aria-hidden="true">
              {row.can ? '✓' : '✕'}
            </span>
            <span className="cap-name">{t(row.label ?? `backends.capabilities.${row.name}`)}</span>
            <span className="cap-value">{row.value}</span>
            {caps.notes[row.name] && <span className="cap-note">{caps.notes[row.name]?.[currentLang()]}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function rowsOf(caps: Capabilities, t: (key: string) => string): Row[] {
  const yesNo = (can: boolean) => t(can ? 'backends.yes' : 'backends.no');
  return [
    { name: 'closeDoor', can: caps.closeDoor, value: yesNo(caps.closeDoor) },
    {
      name: 'doorModes',
      can: caps.doorModes.length > 0,
      value: caps.doorModes.length > 0 ? caps.doorModes.map((mode) => t(`backends.capabilities.modes.${mode}`)).join(', ') : t('backends.no'),
    },
    { name: 'faceCheck', can: caps.faceCheck, value: yesNo(caps.faceCheck) },
    { name: 'bulkUpsert', can: caps.bulkUpsert, value: yesNo(caps.bulkUpsert) },
    { name: 'realtimeEvents', can: caps.realtimeEvents !== 'none', value: t(`backends.capabilities.realtime.${caps.realtimeEvents}`) },
    { name: 'visitors', label: 'visitors.capability', can: caps.visitors, value: yesNo(caps.visitors) },
  ];
}
