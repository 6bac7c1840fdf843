import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeCheckLine } from '../../../../shared/contract/bridges.ts';
import { Badge } from '../../components/badge.tsx';
import { currentLang } from '../../i18n.ts';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { useErrorText } from '../../use-error-text.ts';

function verdictOf(line: BridgeCheckLine): 'ok' | 'failed' | 'skipped' {
  return line.ok === true ? 'ok' : line.ok === false ? 'failed' : 'skipped';
}

/** The advice under a step: the platform's (in the UI language), or the clock's own. */
function useAdvice(): (line: BridgeCheckLine) => string | null {
  const { t } = useTranslation();
  return (line) => {
    if (line.check === 'clock' && line.ok === false) return t('bridgePage.test.clockAdvice', { seconds: Math.round((line.offsetMs ?? 0) / 1000) });
    if (line.check === 'clock' && line.ok === null) return t('bridgePage.test.clockUnknown');
    if (line.ok === true) return null;
    return line.advice?.[currentLang()] ?? null;
  };
}

/** Test connection (issue 16 item 5.2): bridge.test's verdict per step, ok / failed with colour, icon and word, and the advice. */
export function TestPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const devices = useBridge((s) => s.devices);
  const result = useBridge((s) => s.testResult);
  const busy = useBridge((s) => s.busy);
  const error = useBridge((s) => s.error);
  const [sn, setSn] = useState('');
  const advice = useAdvice();
  const chosen = devices.some((d) => d.sn === sn) ? sn : (devices[0]?.sn ?? '');

  return (
    <section className="card bridge-test" data-testid="bridge-test">
      <h2 className="card-title">{t('bridgePage.test.title')}</h2>
      {devices.length === 0 ? (
        <p className="hint" data-testid="bridge-test-need-device">
          {t('bridgePage.test.needDevice')}
        </p>
      ) : (
        <div className="bridge-actions">
          {devices.length > 1 ? (
            <label className="field-label">
              {t('bridgePage.test.device')}{' '}
              <select className="select" data-testid="bridge-test-sn" value={chosen} onChange={(e) => setSn(e.target.value)}>
                {devices.map((d) => (
                  <option key={d.id} value={d.sn}>
                    {d.sn}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" className="button button-primary" data-testid="bridge-test-run" disabled={busy === 'test'} onClick={() => void bridgeStore.getState().test(chosen || undefined)}>
            {t(busy === 'test' ? 'bridgePage.test.running' : 'bridgePage.test.run')}
          </button>
        </div>
      )}
      {error?.action === 'test' ? (
        <p className="field-error" role="alert" data-testid="bridge-test-error">
          {errorText(error.body)}
        </p>
      ) : null}
      {result ? (
        <>
          <ul className="bridge-checks" data-testid="bridge-test-result" data-ok={result.ok}>
            {result.lines.map((line) => {
              const verdict = verdictOf(line);
              const lineAdvice = advice(line);
              return (
                <li key={line.check} className="bridge-check-line" data-testid={`bridge-check-${line.check}`} data-verdict={verdict}>
                  <Badge tone={verdict === 'ok' ? 'ok' : verdict === 'failed' ? 'bad' : 'neutral'}>{t(`bridgePage.test.verdict.${verdict}`)}</Badge>{' '}
                  <strong>{t(`bridgePage.test.check.${line.check}`)}</strong>
                  {line.vendorCode ? (
                    <span data-testid="bridge-check-code">
                      {' — '}
                      {t('bridgePage.test.platformCode', { code: line.vendorCode })}
                    </span>
                  ) : null}
                  {line.check === 'clock' && line.offsetMs !== null ? <span> — {t('bridgePage.test.offset', { seconds: Math.round(line.offsetMs / 1000) })}</span> : null}
                  {line.check === 'clock' && line.offsetMs !== null ? null : <span className="bridge-check-detail mono"> {line.detail}</span>}
                  {lineAdvice ? (
                    <p className="hint bridge-advice" data-testid="bridge-check-advice">
                      {lineAdvice}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className={result.ok ? 'hint' : 'field-error'} role="status" data-testid="bridge-test-summary">
            {t(result.ok ? 'bridgePage.test.allOk' : 'bridgePage.test.someFailed', { sn: result.sn })}
          </p>
        </>
      ) : null}
    </section>
  );
}
