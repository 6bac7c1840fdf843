import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  /** True while the confirmed action runs: both buttons wait, Esc does nothing. */
  readonly busy?: boolean;
  readonly danger?: boolean;
  /** The confirm button waits for the dialog's own input (a reason to type). */
  readonly confirmDisabled?: boolean;
  readonly confirmTestId?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * A modal question on the page (the native <dialog>: focus is trapped inside and Esc cancels).
 * Focus starts on Cancel, so a stray Enter never confirms a destructive action; when the dialog
 * closes the browser returns focus to whatever opened it, unless the caller moves it first.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  }, [props.open]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Esc: let React's state close the dialog, so state and DOM never disagree.
        event.preventDefault();
        if (!props.busy) props.onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {props.children}
      </div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" disabled={props.busy} onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={props.danger ? 'button button-danger' : 'button button-primary'}
          disabled={props.busy || props.confirmDisabled}
          data-testid={props.confirmTestId}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
