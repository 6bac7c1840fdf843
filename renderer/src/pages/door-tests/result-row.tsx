import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorTestResult } from '../../../../shared/contract/door-tests.ts';
import { formatMs } from '../../../../shared/i18n/format-units.ts';
import { VerdictBadge } from '../../components/verdict-badge.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { EvidencePanel } from './evidence-panel.tsx';
import { resultMessage } from './result-message.ts';

/** One result (its own <tbody>, so the evidence row stays with it), expandable to its evidence. */
export function ResultRow({ result, columns }: { readonly result: DoorTestResult; readonly columns: number }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const evidenceId = `door-test-evidence-${result.id}`;
  const message = resultMessage(result, currentLang(), t);

  return (
    <tbody className={open ? 'result is-open' : 'result'}>
      <tr data-testid="doortest-result-row" data-verdict={result.verdict} data-door-id={result.doorId} data-result-id={result.id}>
        <td>
          <span className="result-door">{result.doorName}</span>
          <span className="hint result-vendor">{result.vendor}</span>
        </td>
        <td>{t(`doorTests.kinds.${result.test}`)}</td>
        <td>
          <VerdictBadge of="door-test" verdict={result.verdict} />
        </td>
        <td className="numeric" data-testid="doortest-latency">
          {result.latencyMs === null ? '—' : formatMs(result.latencyMs, i18n.language)}
        </td>
        <td>{formatDateTimeSeconds(result.startedAt, i18n.language)}</td>
        <td>{result.installer || '—'}</td>
        <td className="result-message" data-testid="doortest-message">
          {message}
        </td>
        <td>
          <button type="button" className="button button-small" aria-expanded={open} aria-controls={evidenceId} data-testid="doortest-evidence-toggle" onClick={() => setOpen(!open)}>
            {open ? t('doorTests.hideEvidence') : t('doorTests.showEvidence')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="evidence-row">
          <td colSpan={columns} id={evidenceId}>
            <EvidencePanel result={result} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
