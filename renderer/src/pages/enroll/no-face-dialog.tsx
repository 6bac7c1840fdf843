import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FACE_REASON_MAX, NoFaceReasonSchema } from '../../../../shared/contract/people.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';

/**
 * Saving a person without a face photo (issue 12 item 2): the clerk confirms, and says why. The
 * reason goes with the person (`noFaceReason`); the People page and the exports mark them "no face".
 */
export function NoFaceDialog({ open, name, busy, onConfirm, onCancel }: { readonly open: boolean; readonly name: string; readonly busy: boolean; readonly onConfirm: (reason: string) => void; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Straight to the reason: the dialog (opened by its effect, which runs before this one) starts on Cancel.
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);
  const parsed = NoFaceReasonSchema.safeParse(reason);
  const issue = touched && !parsed.success ? (parsed.error.issues[0]?.message ?? 'invalid') : null;

  function close(): void {
    setReason('');
    setTouched(false);
    onCancel();
  }

  return (
    <ConfirmDialog
      open={open}
      title={t('noFace.title')}
      confirmLabel={t('noFace.confirm')}
      busy={busy}
      confirmDisabled={!parsed.success}
      confirmTestId="no-face-confirm"
      onConfirm={() => {
        if (!parsed.success) return;
        onConfirm(parsed.data);
        setReason('');
        setTouched(false);
      }}
      onCancel={close}
    >
      <p>{name.trim() ? t('noFace.body', { name: name.trim() }) : t('noFace.bodyNoName')}</p>
      <label className="field-label" htmlFor={id}>
        {t('noFace.reason')}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        data-testid="no-face-reason"
        value={reason}
        maxLength={NO_FACE_REASON_MAX + 20}
        placeholder={t('noFace.reasonPlaceholder')}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-error` : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setTouched(true);
        }}
      />
      {issue ? (
        <p className="field-error" id={`${id}-error`} data-testid="no-face-reason-error">
          {t(`validation.${issue}`, { defaultValue: t('validation.invalid') })}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
