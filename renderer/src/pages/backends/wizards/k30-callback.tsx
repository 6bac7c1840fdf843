import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { formatDateTimeSeconds } from '../../../date-time.ts';
import { currentLang } from '../../../i18n.ts';
import { useErrorText } from '../../../use-error-text.ts';
import type { K30Context } from './k30-steps.ts';
import type { K30StepProps } from './k30-step-props.ts';
import { callbackProgress, startReceiver, useReceiverStatus } from './receiver-watch.ts';
import { Field, RunButton } from './step-kit.tsx';

/**
 * Step 4: K30 posts its pass records (UploadRecord) and each person's per-device push result
 * (authstatus) to a third-party URL typed into the K30 software (seed 000 §7; Doorman cannot set
 * it through the API). The step starts this backend's receiver, shows its URL to copy, and waits
 * for the first callback. It may be skipped: without callbacks Doorman polls record.list (slower)
 * and no per-device results arrive.
 */
export function CallbackStep({ backendId, run, busy, settled }: K30StepProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { status, error, refresh } = useReceiverStatus(api, backendId);
  const progress = callbackProgress(status);
  const [host, setHost] = useState('');

  return (
    <div className="wizard-form">
      <p className="hint wizard-wide" data-testid="k30-callback-why">
        {t('k30Wizard.callback.why')}
      </p>
      {progress.kind === 'stopped' ? (
        <Field label={t('k30Wizard.callback.host')} htmlFor="k30-callback-host" hint={t('k30Wizard.callback.hostHint')}>
          <input id="k30-callback-host" className="input" value={host} maxLength={64} disabled={busy} data-testid="k30-callback-host" onChange={(e) => setHost(e.target.value)} />
        </Field>
      ) : (
        <CallbackUrl url={progress.url} />
      )}
      {!settled && (
        <RunButton
          label={t(progress.kind === 'stopped' ? 'k30Wizard.callback.start' : 'k30Wizard.callback.keep')}
          busy={busy}
          onClick={() =>
            run(async () => {
              try {
                return await startReceiver<K30Context>(api, backendId, host, 'k30Wizard.callback.started');
              } finally {
                refresh();
              }
            })
          }
        />
      )}
      {progress.kind !== 'stopped' && (
        <>
          <p className={progress.kind === 'received' ? 'wizard-result wizard-wide' : 'hint loading-line wizard-wide'} role="status" data-testid="k30-callback-check" data-state={progress.kind}>
            {progress.kind === 'received' ? (
              `✓ ${t('k30Wizard.callback.received', { time: formatDateTimeSeconds(progress.at, currentLang()) })}`
            ) : (
              <>
                <span className="spinner spinner-small" aria-hidden="true" /> {t('k30Wizard.callback.waiting')}
              </>
            )}
          </p>
          <p className="hint wizard-wide" data-testid="k30-callback-test-hint">
            {t('k30Wizard.callback.testHint')}
          </p>
        </>
      )}
      {error && (
        <div className="alert alert-error wizard-wide" role="alert">
          <p className="alert-text">{errorText(error)}</p>
        </div>
      )}
    </div>
  );
}

/** The URL, big and selectable, with Copy (the clipboard; where the browser refuses it, the text is selected instead). */
function CallbackUrl({ url }: { readonly url: string }) {
  const { t } = useTranslation();
  const text = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);

  const select = () => {
    const node = text.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
    setCopied('selected');
  };
  const copy = () => {
    if (!navigator.clipboard) {
      select();
      return;
    }
    navigator.clipboard.writeText(url).then(() => setCopied('copied'), select);
  };

  return (
    <div className="callback-url-box wizard-wide">
      <p className="field-label">{t('k30Wizard.callback.urlLabel')}</p>
      <div className="callback-url-line">
        <code ref={text} className="callback-url mono" data-testid="k30-callback-url">
          {url}
        </code>
        <button type="button" className="button" data-testid="k30-callback-copy" onClick={copy}>
          {t('k30Wizard.callback.copy')}
        </button>
      </div>
      {copied && (
        <p className="hint" role="status" data-testid="k30-callback-copied" data-copied={copied}>
          {t(copied === 'copied' ? 'k30Wizard.callback.copied' : 'k30Wizard.callback.selected')}
        </p>
      )}
      <p className="callback-where" data-testid="k30-callback-where">
        {t('k30Wizard.callback.where')}
      </p>
      <p className="hint" data-testid="k30-callback-restart">
        {t('k30Wizard.callback.restart')}
      </p>
    </div>
  );
}
