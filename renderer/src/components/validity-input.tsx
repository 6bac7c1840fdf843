import { useTranslation } from 'react-i18next';
import { splitValidity, type ValidityBound } from '../../../shared/rules/validity-date.ts';
import './validity-input.css';

interface ValidityInputProps {
  /** The `id` of the date field, for the label's htmlFor; the time field is `${id}-time`. */
  readonly id: string;
  readonly testId: string;
  readonly bound: ValidityBound;
  /** The form's text: '', 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss' (a stored bound). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly invalid?: boolean;
  readonly describedBy?: string | undefined;
}

/**
 * A validity bound as a date picker with an optional time. A date alone is sent as it is, and the
 * shared rule (shared/rules/validity-date.ts, applied by the person contract) makes it the start
 * (from) or the end (to) of that day; the hint says which.
 */
export function ValidityInput({ id, testId, bound, value, onChange, invalid, describedBy }: ValidityInputProps) {
  const { t } = useTranslation();
  const { date, time } = splitValidity(value, bound);
  const compose = (nextDate: string, nextTime: string) => onChange(nextDate === '' ? '' : nextTime === '' ? nextDate : `${nextDate} ${nextTime.length === 5 ? `${nextTime}:00` : nextTime}`);
  const hintId = `${id}-hint`;
  return (
    <div className="validity-input">
      <div className="validity-input-row">
        <input
          id={id}
          type="date"
          className="input"
          data-testid={testId}
          value={date}
          min="1970-01-01"
          max="9999-12-31"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[describedBy, hintId].filter(Boolean).join(' ')}
          onChange={(e) => compose(e.target.value, time)}
        />
        <input
          id={`${id}-time`}
          type="time"
          step={1}
          className="input"
          data-testid={`${testId}-time`}
          value={time}
          disabled={date === ''}
          aria-label={t('dateInput.time')}
          title={t('dateInput.time')}
          onChange={(e) => compose(date, e.target.value)}
        />
      </div>
      <p className="hint" id={hintId}>
        {t(bound === 'from' ? 'dateInput.fromHint' : 'dateInput.toHint')}
      </p>
    </div>
  );
}
