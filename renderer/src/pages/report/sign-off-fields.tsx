import { useTranslation } from 'react-i18next';
import type { SignOff } from '../../../../shared/contract/reports.ts';
import { TEXT_LIMITS } from '../../../../shared/rules/text-limits.ts';

/**
 * The names printed above the report's signature lines. Not stored (see SignOffSchema): the
 * installer's name starts as the one the Door tests page remembers on this computer.
 */
export function SignOffFields({ value, onChange, addressMissing }: { readonly value: SignOff; readonly onChange: (next: SignOff) => void; readonly addressMissing: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card report-signers" data-testid="report-signers">
      <legend className="report-signers-title">{t('reportSignOff.fieldsTitle')}</legend>
      <div className="report-signers-fields">
        <label className="field">
          <span className="field-label">{t('reportSignOff.installerField')}</span>
          <input className="input" type="text" autoComplete="name" maxLength={TEXT_LIMITS.name} value={value.installer} data-testid="report-installer" onChange={(event) => onChange({ ...value, installer: event.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('reportSignOff.customerField')}</span>
          <input className="input" type="text" autoComplete="off" maxLength={TEXT_LIMITS.name} value={value.customer} data-testid="report-customer" onChange={(event) => onChange({ ...value, customer: event.target.value })} />
        </label>
      </div>
      <p className="hint">{t('reportSignOff.fieldsHint')}</p>
      {addressMissing && (
        <p className="hint" data-testid="report-address-missing">
          {t('reportSignOff.addressMissing')}
        </p>
      )}
    </fieldset>
  );
}
