import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend, BackendId } from '../../../shared/contract/backends.ts';
import { REPORTS_DEVICE_RESULTS } from '../../../shared/rules/device-results.ts';
import { formatDateTimeSeconds } from '../date-time.ts';
import { currentLang } from '../i18n.ts';
import { deviceResultRows, type DeviceResultCell } from '../stores/device-result-rows.ts';
import { useDeviceResults } from '../stores/device-results.ts';
import { useEnrollment } from '../stores/enrollment.ts';
import { inventoryOf, inventoryStore, useInventory } from '../stores/inventory.ts';
import { useErrorText } from '../use-error-text.ts';
import { Badge } from './badge.tsx';
import './device-results.css';

/** One device's line: its name (or number), pushed or not with the backend's own message, and when. */
function DeviceLine({ cell, name }: { readonly cell: DeviceResultCell; readonly name: string }) {
  const { t } = useTranslation();
  const { result, earlier } = cell;
  return (
    <li className="device-result" data-testid="device-result" data-device-no={result.deviceNo} data-ok={String(result.ok)} data-earlier={String(earlier)}>
      <span className="device-result-name">{name}</span>
      <Badge tone={result.ok ? 'ok' : 'bad'}>{t(result.ok ? 'deviceResults.ok' : 'deviceResults.failed')}</Badge>
      {result.message ? <span className="device-result-message" data-testid="device-result-message">{result.message}</span> : null}
      <span className="device-result-time">{t('deviceResults.at', { time: formatDateTimeSeconds(result.receivedAt, currentLang()) })}</span>
      {earlier ? <span className="hint">({t('deviceResults.earlier')})</span> : null}
    </li>
  );
}

/**
 * Per person and device, what the backend reported about pushing them (K30's authstatus callback),
 * live: a person sent to a backend that reports these, with none yet, is shown waiting for them.
 * Shown only when the site has such a backend or holds such results.
 */
export function DeviceResults({ backends }: { readonly backends: readonly Backend[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const entries = useEnrollment((s) => s.entries);
  const results = useDeviceResults((s) => s.results);
  const error = useDeviceResults((s) => s.error);
  const reporting = useMemo(() => backends.filter((b) => REPORTS_DEVICE_RESULTS[b.vendor]).map((b) => b.id), [backends]);
  const inventories = useInventory((s) => s.inventories);

  // The devices' names, from each reporting backend's stored inventory (no request to the backend).
  useEffect(() => {
    for (const id of reporting) if (!inventoryOf(inventoryStore.getState(), id).loaded) void inventoryStore.getState().load(id, false);
  }, [reporting]);

  const rows = useMemo(() => deviceResultRows(entries, results, (id) => reporting.includes(id)), [entries, results, reporting]);
  if (reporting.length === 0 && rows.length === 0) return null;
  const backendName = (id: BackendId) => backends.find((b) => b.id === id)?.name ?? `#${id}`;
  const deviceName = (id: BackendId, deviceNo: string) => inventories[id]?.inventory?.devices.find((d) => d.id === deviceNo)?.name ?? deviceNo;

  return (
    <section className="card" aria-labelledby="device-results-title" data-testid="device-results">
      <h2 className="card-title" id="device-results-title">
        {t('deviceResults.title')}
      </h2>
      <p className="hint">{t('deviceResults.intro')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {t('deviceResults.loadFailed', { reason: errorText(error) })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table className="table device-results-table">
          <thead>
            <tr>
              <th className="device-results-col-pin">{t('deviceResults.pin')}</th>
              <th className="device-results-col-backend">{t('deviceResults.backend')}</th>
              <th>{t('deviceResults.devices')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.backendId}:${row.pin}`} data-testid="device-results-row" data-backend-id={row.backendId} data-pin={row.pin} data-waiting={String(row.waiting)}>
                <td className="mono">{row.pin}</td>
                <td>{backendName(row.backendId)}</td>
                <td>
                  {row.waiting ? (
                    <p className="device-results-waiting" data-testid="device-results-waiting" title={t('deviceResults.waitingHint')}>
                      <Badge tone="info">{t('deviceResults.waiting')}</Badge>
                    </p>
                  ) : null}
                  {row.devices.length > 0 ? (
                    <ul className="device-results-list">
                      {row.devices.map((cell) => (
                        <DeviceLine key={cell.result.deviceNo} cell={cell} name={deviceName(row.backendId, cell.result.deviceNo)} />
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('deviceResults.empty')}</p>
      )}
      {rows.some((r) => r.waiting) ? <p className="hint" data-testid="device-results-waiting-hint">{t('deviceResults.waitingHint')}</p> : null}
      {rows.some((r) => r.devices.some((d) => !d.result.ok && !d.earlier)) ? <p className="hint">{t('deviceResults.failedHint')}</p> : null}
    </section>
  );
}
