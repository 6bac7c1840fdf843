import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../shared/contract/errors.ts';
import { Field } from './step-kit.tsx';
import { DEFAULT_TIME_SEGMENT } from './zkbio-steps.ts';

/**
 * The level's time zone. ZKBio's document has no call that lists time zones (2.1.10 takes only the
 * name, and no section lists or adds them), so the picker offers the built-in one, which every
 * install has, or a name typed as ZKBio's web page shows it; ZKBio's reply to the add decides.
 */
export function TimeZoneField({ value, disabled, onChange }: { readonly value: string; readonly disabled: boolean; readonly onChange: (name: string) => void }) {
  const { t } = useTranslation();
  const [other, setOther] = useState(value !== DEFAULT_TIME_SEGMENT);
  return (
    <Field label={t('wizard.zkbio.level.timeSeg')} htmlFor="wizard-level-time" hint={t('wizard.zkbio.level.timeSegNoList')}>
      <select
        id="wizard-level-time"
        className="select"
        value={other ? '' : DEFAULT_TIME_SEGMENT}
        disabled={disabled}
        data-testid="wizard-level-time"
        onChange={(e) => {
          const chosen = e.target.value;
          setOther(chosen === '');
          onChange(chosen === '' ? '' : DEFAULT_TIME_SEGMENT);
        }}
      >
        <option value={DEFAULT_TIME_SEGMENT}>{DEFAULT_TIME_SEGMENT}</option>
        <option value="">{t('wizard.zkbio.level.timeSegOther')}</option>
      </select>
      {other && (
        <input
          className="input"
          value={value}
          disabled={disabled}
          aria-label={t('wizard.zkbio.level.timeSegTyped')}
          placeholder={t('wizard.zkbio.level.timeSegTyped')}
          data-testid="wizard-level-time-other"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A refused level, said with the time zone to check: the API gives no list to pick from, so a
 * typed name is the likeliest cause (the simulator, like the appendix, has no code of its own for it).
 */
export function timeZoneRefusal(error: unknown, timeSegName: string, i18n: I18n): unknown {
  if (!(error instanceof ApiError) || error.code !== 'backend_refused') return error;
  const reason = typeof error.details?.['reason'] === 'string' ? error.details['reason'] : error.message;
  const say = (lng: 'en' | 'zh-CN') => i18n.getFixedT(lng)('wizard.zkbio.level.timeSegRefused', { name: timeSegName, reason });
  return new ApiError('backend_refused', error.message, { ...error.details, advice: { en: say('en'), 'zh-CN': say('zh-CN') } });
}
