import { useTranslation } from 'react-i18next';
import type { KnownHost, ScanFinding, ScanService } from '../../../../shared/contract/scan.ts';
import { formatDateTime } from '../../date-time.ts';
import { hrefFor } from '../../routes.ts';
import { backendsStore } from '../../stores/backends.ts';
import { useScan } from '../../stores/scan.ts';
import { openBackend, useSameServer } from '../backends/same-server.tsx';
import { commissioningOf, formatRtt, percent } from './scan-logic.ts';

/** The findings on show, a row per address as they arrive, with each service's evidence and what to do with it. */
export function ScanResults() {
  const { t, i18n } = useTranslation();
  const results = useScan((s) => s.results);
  const record = useScan((s) => s.scans.find((scan) => scan.id === s.results?.scanId) ?? null);
  const running = useScan((s) => s.run !== null && s.run.scanId === s.results?.scanId && s.run.state === 'running');
  const hosts = useScan((s) => s.hosts);
  if (!results) return null;

  return (
    <section className="card card-flush" aria-labelledby="scan-results-title" aria-busy={results.loading || running} data-testid="scan-results" data-scan-id={results.scanId}>
      <div className="scan-card-head">
        <h2 id="scan-results-title" className="card-title">
          {t('scanPage.resultsTitle', { id: results.scanId })}
        </h2>
        {record && (
          <p className="hint">
            {t('scanPage.resultsOf', { startedAt: formatDateTime(record.startedAt, i18n.language), targets: record.targets.join(', ') })}
          </p>
        )}
      </div>
      {results.findings.length === 0 ? (
        <p className="empty" data-testid="scan-results-empty">
          {results.loading ? t('common.loading') : running ? t('scanPage.nothingYet') : t('scanPage.nothingFound')}
        </p>
      ) : (
        <div className="scan-table-wrap">
          <table className="table scan-table">
            <thead>
              <tr>
                <th scope="col">{t('scanPage.columns.address')}</th>
                <th scope="col">{t('scanPage.columns.system')}</th>
                <th scope="col">{t('scanPage.columns.ports')}</th>
                <th scope="col">{t('scanPage.columns.rtt')}</th>
                <th scope="col">{t('scanPage.columns.firstSeen')}</th>
                <th scope="col">{t('scanPage.columns.lastSeen')}</th>
              </tr>
            </thead>
            {results.findings.map((finding) => (
              <FindingRows key={finding.address} finding={finding} host={hosts[finding.address]} />
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

/** One address: its row of facts, then its services (each with evidence) across the whole table below it. */
function FindingRows({ finding, host }: { readonly finding: ScanFinding; readonly host: KnownHost | undefined }) {
  const { t, i18n } = useTranslation();
  const seen = (iso: string | undefined) => (iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : <span className="hint">–</span>);
  return (
    <tbody className="scan-finding" data-testid="scan-row" data-address={finding.address} data-kind={finding.kind}>
      <tr className="scan-finding-row">
        <td className="mono selectable scan-nowrap">{finding.address}</td>
        <td data-testid="scan-system">
          <span className="scan-kind">{t(`scan.kinds.${finding.kind}`)}</span> <span className="hint">{t('scanPage.confidence', { percent: percent(finding.confidence) })}</span>
        </td>
        <td className="mono">{finding.openPorts.join(', ')}</td>
        <td className="scan-nowrap">{finding.rttMs === null ? <span className="hint">–</span> : t('scanPage.rtt', { ms: formatRtt(finding.rttMs) })}</td>
        <td className="scan-nowrap">{seen(host?.firstSeen)}</td>
        <td className="scan-nowrap">{seen(host?.lastSeen)}</td>
      </tr>
      <tr className="scan-services-row">
        <td colSpan={6}>
          <ul className="scan-services" aria-label={t('scanPage.servicesOf', { address: finding.address })}>
            {finding.services.map((service) => (
              <ServiceItem key={service.port} service={service} address={finding.address} />
            ))}
          </ul>
        </td>
      </tr>
    </tbody>
  );
}

function ServiceItem({ service, address }: { readonly service: ScanService; readonly address: string }) {
  const { t } = useTranslation();
  const siteId = useScan((s) => s.siteId);
  const kindName = t(`scan.kinds.${service.kind}`);
  const commissioning = commissioningOf(service, (vendor) => t('scanPage.suggestedName', { system: t(`scanPage.shortNames.${vendor}`), address }));
  // A server already added is opened, not added twice (issue 12 item 4).
  const existing = useSameServer(commissioning.ok ? commissioning.draft.baseUrl : '', null);

  function addAsBackend() {
    if (!commissioning.ok || siteId === null) return;
    backendsStore.getState().offerDraft({ siteId, ...commissioning.draft });
    location.hash = hrefFor('backends');
  }

  return (
    <li className="scan-service" data-testid="scan-service" data-port={service.port} data-kind={service.kind}>
      <div className="scan-service-head">
        <span className="mono">
          {service.port}/{service.protocol}
        </span>
        <span>
          {kindName} <span className="hint">{t('scanPage.confidence', { percent: percent(service.confidence) })}</span>
        </span>
        {service.baseUrl && <span className="mono selectable">{service.baseUrl}</span>}
        {existing ? (
          <span className="scan-existing" data-testid="scan-existing-backend">
            <span className="hint">{t('backendAddress.alreadyAdded', { name: existing.name })}</span>{' '}
            <button type="button" className="button button-small" data-testid="scan-open-backend" onClick={() => openBackend(existing.id)}>
              {t('backendAddress.openExisting')}
            </button>
          </span>
        ) : commissioning.ok ? (
          <button type="button" className="button button-small" data-testid="scan-add-backend" onClick={addAsBackend}>
            {t('scanPage.addAsBackend')}
          </button>
        ) : (
          <span className="hint" data-testid="scan-not-backend">
            {t(`scanPage.why.${commissioning.reason}`, { system: kindName })}
          </span>
        )}
      </div>
      {service.evidence.length > 0 && (
        <details className="scan-evidence" data-testid="scan-evidence">
          <summary>{t('scanPage.evidence', { count: service.evidence.length })}</summary>
          <ul>
            {service.evidence.map((evidence, index) => (
              <li key={index}>
                <span className="scan-evidence-source">{t(`scan.evidenceSources.${evidence.source}`)}</span>{' '}
                <span className="mono selectable">{evidence.text}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
