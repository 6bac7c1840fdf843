import { useTranslation } from 'react-i18next';
import { credentialFields, type BackendFormValues, type FormField, type FormVendor } from './backend-form-check.ts';

interface TextFieldProps {
  readonly field: FormField;
  readonly label: string;
  readonly value: string;
  readonly error: string;
  readonly onChange: (value: string) => void;
  readonly onBlur: () => void;
  readonly testId: string;
  readonly hint?: string | undefined;
  readonly placeholder?: string | undefined;
  /** A secret: typed masked, never echoed back by the API. */
  readonly secret?: boolean;
  readonly mono?: boolean;
}

/** A labelled input with its hint and its problem (announced politely as it changes). */
export function TextField(props: TextFieldProps) {
  const id = `backend-field-${props.field}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="form-row">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className={props.mono ? 'input mono' : 'input'}
        type={props.secret ? 'password' : 'text'}
        autoComplete={props.secret ? 'new-password' : 'off'}
        spellCheck={false}
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={props.error !== ''}
        aria-describedby={props.hint ? `${hintId} ${errorId}` : errorId}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

export function FieldError({ id, message, testId }: { readonly id: string; readonly message: string; readonly testId?: string }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {message && <span data-testid={testId ?? 'field-error'}>{message}</span>}
    </p>
  );
}

/** How each credentials field is typed in the form; which fields a vendor has is its schema's (the contract's). */
const CREDENTIAL_INPUTS: Partial<Record<FormField, { readonly testId: string; readonly label: string; readonly secret: boolean }>> = {
  token: { testId: 'backend-token', label: 'backends.form.token', secret: true },
  // The cappkey names the key pair; it is not secret, but the API never returns it either.
  appKey: { testId: 'backend-app-key', label: 'backends.form.appKey', secret: false },
  secretKey: { testId: 'backend-secret', label: 'backends.form.secretKey', secret: true },
  // K30's company number is its sign secret and AES key.
  companyNo: { testId: 'backend-company-no', label: 'backends.form.companyNo', secret: true },
};

interface CredentialFieldsProps {
  readonly vendor: FormVendor;
  /** Editing: blank keeps what is stored. */
  readonly editing: boolean;
  readonly values: BackendFormValues;
  readonly messageFor: (field: FormField) => string;
  readonly onChange: (field: FormField, value: string) => void;
  readonly onBlur: (field: FormField) => void;
}

/** The vendor's credentials: ZKBio's access token, Hongtu's cappkey / secretKey pair, K30's company number. */
export function CredentialFields({ vendor, editing, values, messageFor, onChange, onBlur }: CredentialFieldsProps) {
  const { t } = useTranslation();
  const keep = editing ? t('backends.form.keepSecret') : undefined;
  const field = (name: FormField, testId: string, label: string, hint: string | undefined, secret: boolean) => (
    <TextField
      key={name}
      field={name}
      label={label}
      hint={hint}
      placeholder={keep}
      value={values[name]}
      error={messageFor(name)}
      onChange={(v) => onChange(name, v)}
      onBlur={() => onBlur(name)}
      testId={testId}
      secret={secret}
      mono
    />
  );
  return (
    <fieldset className="form-group">
      <legend className="field-label">{t('backends.form.credentials')}</legend>
      <p className="field-hint">{t(`backends.form.credentialsHint.${vendor}`)}</p>
      <div className="form-grid">
        {credentialFields(vendor).map((name) => {
          const input = CREDENTIAL_INPUTS[name];
          return input ? field(name, input.testId, t(input.label), undefined, input.secret) : null;
        })}
      </div>
      {editing && <p className="field-hint">{t('backends.form.keepHint')}</p>}
    </fieldset>
  );
}
