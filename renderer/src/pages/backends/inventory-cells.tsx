import { useTranslation } from 'react-i18next';
import type { DoorState, FieldNote } from '../../../../shared/contract/backends.ts';

/**
 * What an inventory cell shows when the backend gives no value: why, in a word, with the reason
 * in full as its tooltip (issue 12 item 15: never a bare dash an installer cannot act on).
 */
export function Missing({ note, field }: { readonly note: FieldNote | undefined; readonly field: string }) {
  const { t } = useTranslation();
  const why = note ?? 'not-reported';
  const title = t([`backends.inventory.why.${field}.${why}`, `backends.inventory.why.${why}`]);
  return (
    <span className="hint" title={title} data-testid="inventory-missing" data-note={why} data-field={field}>
      {t(`backends.inventory.notes.${why}`)}
    </span>
  );
}

/** A value and, when it was not given as such (an IP read from the name), the note as its tooltip. */
export function Given({ value, note, field, mono = false }: { readonly value: string | null; readonly note: FieldNote | undefined; readonly field: string; readonly mono?: boolean }) {
  const { t } = useTranslation();
  if (value === null) return <Missing note={note} field={field} />;
  const title = note === 'from-name' ? t([`backends.inventory.why.${field}.from-name`, 'backends.inventory.why.from-name']) : undefined;
  return (
    <span className={mono ? 'mono selectable' : undefined} title={title} data-note={note}>
      {value}
    </span>
  );
}

export function Online({ online, note }: { readonly online: boolean | null; readonly note?: FieldNote | undefined }) {
  const { t } = useTranslation();
  if (online === null) return <Missing note={note} field="online" />;
  return <span className={online ? 'state state-on' : 'state state-off'}>{t(online ? 'backends.inventory.online' : 'backends.inventory.offline')}</span>;
}

const WORD_FIELDS = ['sensor', 'relay', 'alarm'] as const;

/**
 * A door's state in the vendor's own terms (ZKBio's `sensor`, `relay`, `alarm` values, as its
 * document names them), translated; a value the document does not name shows as sent.
 */
export function DoorStateText({ state, note }: { readonly state: DoorState | null; readonly note: FieldNote | undefined }) {
  const { t, i18n } = useTranslation();
  if (state === null) return <Missing note={note} field="state" />;
  const words = state.vendor ?? {};
  const parts = WORD_FIELDS.flatMap((field) => {
    const value = words[field];
    if (value === undefined) return [];
    const key = `backends.inventory.doorWords.${field}.${value}`;
    return [i18n.exists(key) ? t(key) : `${field}: ${value}`];
  });
  if (parts.length > 0) return <span data-testid="inventory-door-state">{parts.join(' · ')}</span>;
  if (state.text) return <span data-testid="inventory-door-state">{state.text}</span>;
  const normal = [state.sensor !== 'unknown' ? t(`backends.inventory.sensor.${state.sensor}`) : '', state.relay !== 'unknown' ? t(`backends.inventory.relay.${state.relay}`) : ''].filter(Boolean);
  if (normal.length > 0) return <span data-testid="inventory-door-state">{normal.join(' · ')}</span>;
  return <Missing note="not-reported" field="state" />;
}
