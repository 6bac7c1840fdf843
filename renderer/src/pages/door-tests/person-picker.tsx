import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDoorTestSetup } from '../../stores/door-test-setup.ts';
import { matchPeople } from '../../stores/walk-people-list.ts';
import { useWalkPeople, walkPeopleStore } from '../../stores/walk-people.ts';
import { useErrorText } from '../../use-error-text.ts';

interface PersonPickerProps {
  readonly id: string;
  readonly value: string;
  readonly disabled: boolean;
  readonly invalid: boolean;
  readonly onChange: (pin: string) => void;
}

/**
 * The walk-through person: search by name or personnel number over the people the backend holds
 * and the site's own (issue 12 item 13). A number typed by hand still works; one the backend's
 * list does not have is flagged here, and the core refuses it before the test starts.
 */
export function PersonPicker({ id, value, disabled, invalid, onChange }: PersonPickerProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const siteId = useDoorTestSetup((s) => s.siteId);
  const backendId = useDoorTestSetup((s) => s.backendId);
  const backendName = useDoorTestSetup((s) => s.backends?.find((b) => b.id === s.backendId)?.name ?? '');
  const people = useWalkPeople((s) => (s.backendId === backendId ? s.people : null));
  const loading = useWalkPeople((s) => s.loading);
  const error = useWalkPeople((s) => s.error);

  useEffect(() => {
    if (siteId !== null && backendId !== null) void walkPeopleStore.getState().load(siteId, backendId);
  }, [siteId, backendId]);

  const pin = value.trim();
  const chosen = people?.find((p) => p.pin === pin) ?? null;
  const matches = people && !chosen ? matchPeople(people, value) : [];
  const unknown = people !== null && error === null && pin !== '' && !chosen?.onBackend && matches.length === 0;

  return (
    <div className="person-picker">
      <input
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={t('doorTests.picker.placeholder')}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={`${id}-error ${id}-status`}
        data-testid="doortest-person"
        onChange={(event) => onChange(event.target.value)}
      />
      {matches.length > 0 && !disabled && (
        <ul className="person-options" role="listbox" aria-label={t('doorTests.picker.options', { backend: backendName })} data-testid="doortest-person-options">
          {matches.map((person) => (
            <li key={person.pin} role="option" aria-selected={false}>
              <button type="button" className="person-option" data-testid="doortest-person-option" data-pin={person.pin} onClick={() => onChange(person.pin)}>
                <span className="person-option-name">{person.name || person.pin}</span>
                <span className="mono">{person.pin}</span>
                {!person.onBackend && <span className="hint">{t('doorTests.picker.notOnBackend', { backend: backendName })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-status`} className="hint" aria-live="polite" data-testid="doortest-person-status">
        {loading
          ? t('doorTests.picker.loading', { backend: backendName })
          : error
            ? t('doorTests.picker.unread', { backend: backendName, error: errorText(error) })
            : chosen
              ? chosen.onBackend
                ? t('doorTests.picker.chosen', { name: chosen.name || chosen.pin, backend: backendName })
                : t('doorTests.picker.notOnBackendLong', { name: chosen.name || chosen.pin, backend: backendName })
              : unknown
                ? t('doorTests.picker.unknown', { pin, backend: backendName })
                : ''}
      </p>
    </div>
  );
}
