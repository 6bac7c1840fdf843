import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanDiff, ScanFinding, ScanRecord } from '../../../../shared/contract/scan.ts';
import { formatDateTime } from '../../date-time.ts';
import { scanStore, useScan } from '../../stores/scan.ts';

/** The site's earlier scans: open one's results, or compare two (hosts added, gone, changed). */
export function ScanHistory() {
  const { t, i18n } = useTranslation();
  const scans = useScan((s) => s.scans);
  const shownId = useScan((s) => s.results?.scanId ?? null);
  const comparison = useScan((s) => s.comparison);
  // The two to compare; unset means the newest two (the list is newest first).
  const [picked, setPicked] = useState<{ readonly from: number | null; readonly to: number | null }>({ from: null, to: null });
  const exists = (id: number | null) => id !== null && scans.some((s) => s.id === id);
  const from = exists(picked.from) ? picked.from : (scans[1]?.id ?? null);
  const to = exists(picked.to) ? picked.to : (scans[0]?.id ?? null);
  const label = (scan: ScanRecord) => t('scanPage.scanLabel', { id: scan.id, startedAt: formatDateTime(scan.startedAt, i18n.language) });

  return (
    <section className="card card-flush" aria-labelledby="scan-history-title" data-testid="scan-history">
      <div className="scan-card-head">
        <h2 id="scan-history-title" className="card-title">
          {t('scanPage.historyTitle')}
        </h2>
      </div>
      {scans.length === 0 ? (
        <p className="empty" data-testid="scan-history-empty">
          {t('scanPage.noScans')}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('scanPage.history.scan')}</th>
              <th scope="col">{t('scanPage.history.targets')}</th>
              <th scope="col">{t('scanPage.history.state')}</th>
              <th scope="col">{t('scanPage.history.found')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('scanPage.history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scans.map((scan) => (
              <tr key={scan.id} data-testid="scan-history-row" data-scan-id={scan.id} data-state={scan.state} className={scan.id === shownId ? 'scan-history-row is-shown' : 'scan-history-row'}>
                <td className="scan-nowrap">{label(scan)}</td>
                <td className="mono selectable">{scan.targets.join(', ')}</td>
                <td className="scan-nowrap">{t(`scanPage.states.${scan.state}`)}</td>
                <td>{scan.summary ? t('scanPage.history.foundOf', { found: scan.summary.hostsFound, total: scan.summary.addressesTotal.toLocaleString(i18n.language) }) : '–'}</td>
                <td className="scan-actions-cell">
                  <button type="button" className="button button-small" data-testid="scan-open" aria-pressed={scan.id === shownId} onClick={() => void scanStore.getState().open(scan.id)}>
                    {t('scanPage.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {scans.length >= 2 && from !== null && to !== null && (
        <div className="scan-compare">
          <form
            className="scan-compare-form"
            onSubmit={(event) => {
              event.preventDefault();
              void scanStore.getState().compare(from, to);
            }}
          >
            <label className="scan-compare-field">
              <span className="field-label">{t('scanPage.compareFrom')}</span>
              <ScanSelect scans={scans} value={from} label={label} testId="scan-compare-from" onChange={(id) => setPicked({ from: id, to })} />
            </label>
            <label className="scan-compare-field">
              <span className="field-label">{t('scanPage.compareTo')}</span>
              <ScanSelect scans={scans} value={to} label={label} testId="scan-compare-to" onChange={(id) => setPicked({ from, to: id })} />
            </label>
            <button type="submit" className="button" disabled={from === to} data-testid="scan-compare">
              {t('scanPage.compare')}
            </button>
          </form>
          {comparison && <DiffView diff={comparison.diff} />}
        </div>
      )}
    </section>
  );
}

function ScanSelect(props: { scans: readonly ScanRecord[]; value: number; label: (scan: ScanRecord) => string; testId: string; onChange: (id: number) => void }) {
  return (
    <select className="select" value={props.value} data-testid={props.testId} onChange={(event) => props.onChange(Number(event.target.value))}>
      {props.scans.map((scan) => (
        <option key={scan.id} value={scan.id}>
          {props.label(scan)}
        </option>
      ))}
    </select>
  );
}

function DiffView({ diff }: { readonly diff: ScanDiff }) {
  const { t } = useTranslation();
  const host = (f: ScanFinding) => t('scanPage.diff.host', { address: f.address, system: t(`scan.kinds.${f.kind}`), ports: f.openPorts.join(', ') });
  const nothing = diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
  return (
    <div className="scan-diff" data-testid="scan-diff" role="status">
      {nothing && <p>{t('scanPage.diff.same')}</p>}
      {diff.added.length > 0 && (
        <DiffList title={t('scanPage.diff.added', { count: diff.added.length })} kind="added">
          {diff.added.map((f) => (
            <li key={f.address} data-testid="scan-diff-added" data-address={f.address}>
              {host(f)}
            </li>
          ))}
        </DiffList>
      )}
      {diff.removed.length > 0 && (
        <DiffList title={t('scanPage.diff.removed', { count: diff.removed.length })} kind="removed">
          {diff.removed.map((f) => (
            <li key={f.address} data-testid="scan-diff-removed" data-address={f.address}>
              {host(f)}
            </li>
          ))}
        </DiffList>
      )}
      {diff.changed.length > 0 && (
        <DiffList title={t('scanPage.diff.changed', { count: diff.changed.length })} kind="changed">
          {diff.changed.map(({ before, after, what }) => (
            <li key={after.address} data-testid="scan-diff-changed" data-address={after.address} data-what={what.join(',')}>
              <span className="mono">{after.address}</span>
              <ul>
                {what.includes('kind') && <li>{t('scanPage.diff.kindChanged', { before: t(`scan.kinds.${before.kind}`), after: t(`scan.kinds.${after.kind}`) })}</li>}
                {what.includes('ports') && <li>{t('scanPage.diff.portsChanged', { before: before.openPorts.join(', '), after: after.openPorts.join(', ') })}</li>}
              </ul>
            </li>
          ))}
        </DiffList>
      )}
      {diff.unchanged > 0 && <p className="hint">{t('scanPage.diff.unchanged', { count: diff.unchanged })}</p>}
    </div>
  );
}

function DiffList({ title, kind, children }: { readonly title: string; readonly kind: 'added' | 'removed' | 'changed'; readonly children: ReactNode }) {
  return (
    <div className={`scan-diff-group scan-diff-${kind}`}>
      <h3 className="scan-diff-title">{title}</h3>
      <ul className="scan-diff-list">{children}</ul>
    </div>
  );
}
