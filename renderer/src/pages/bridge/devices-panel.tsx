import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeDevice } from '../../../../shared/contract/bridges.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { lastTaskOf, levelLines } from '../../stores/bridge-device-form.ts';
import { DeviceForm } from './device-form.tsx';
import { DeviceLive, DeviceReport, useNow } from './device-live.tsx';

/** A device's access levels per backend: the levels (by name) and where they come from, or the warning when none. */
function DeviceLevels({ device }: { readonly device: BridgeDevice }) {
  const { t } = useTranslation();
  const stored = useBridge((s) => s.levels);
  const lines = levelLines(device, stored);
  if (lines.length === 0) return null;
  return (
    <ul className="bridge-device-levels" data-testid="bridge-device-levels">
      {lines.map((line) => (
        <li key={line.backendId} data-testid="bridge-device-level" data-backend={line.backendId} data-warn={line.warn} className={line.warn ? 'bridge-level-warning' : undefined}>
          {line.warn
            ? t('bridgeDevices.noLevel', { backend: line.backend })
            : t('bridgeDevices.levelsOf', { backend: line.backend, levels: line.names || t('bridgeDevices.noLevelIds'), from: t(line.fromKey) })}
        </li>
      ))}
    </ul>
  );
}

/**
 * Devices (issue 16 item 5): each sn with the site's doors it stands for, its workers' access levels
 * per backend and its live session (status, last heartbeat in the site's zone and how long ago, token
 * age, queue, open tasks, last error with advice), the last pass the platform acknowledged and its
 * last task; add one, edit one (doors and levels), remove one.
 */
export function DevicesPanel() {
  const { t } = useTranslation();
  const devices = useBridge((s) => s.devices);
  const state = useBridge((s) => s.state);
  const tasks = useBridge((s) => s.tasks);
  const busy = useBridge((s) => s.busy);
  const done = useBridge((s) => s.done);
  const now = useNow();
  const [editing, setEditing] = useState<BridgeDevice | null>(null);
  const [savedSn, setSavedSn] = useState<string | null>(null);
  const [removing, setRemoving] = useState<BridgeDevice | null>(null);

  return (
    <section className="card bridge-devices" data-testid="bridge-devices">
      <h2 className="card-title">{t('bridgePage.devices.title')}</h2>
      <p className="hint">{t('bridgePage.devices.intro')}</p>
      {state ? (
        <p className="hint" data-testid="bridge-running" data-running={state.running} data-elsewhere={state.elsewhere?.holder}>
          {state.elsewhere
            ? t('bridgePage.state.elsewhere', { where: t(`bridgeRun.where.${state.elsewhere.holder}`), pid: String(state.elsewhere.pid), host: state.elsewhere.host, since: formatDateTimeSeconds(state.elsewhere.since, currentLang()) })
            : t(state.running ? 'bridgePage.state.running' : 'bridgePage.state.notRunning')}
        </p>
      ) : null}
      {devices.length === 0 ? (
        <p className="empty" data-testid="bridge-devices-empty">
          {t('bridgePage.devices.none')}
        </p>
      ) : (
        <div className="bridge-table-wrap">
          <table className="table" data-testid="bridge-devices-table">
            <thead>
              <tr>
                <th>{t('bridgePage.devices.sn')}</th>
                <th>{t('bridgePage.devices.doors')}</th>
                <th>{t('bridgePage.state.title')}</th>
                <th>{t('bridgePage.state.lastHeartbeat')}</th>
                <th>{t('bridgePage.state.tokenAge')}</th>
                <th>{t('bridgePage.state.queue')}</th>
                <th>{t('bridgePage.state.openTasks')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => {
                const live = state?.devices.find((d) => d.deviceId === device.id);
                return (
                  <tr key={device.id} data-testid="bridge-device-row" data-sn={device.sn}>
                    <td className="mono">{device.sn}</td>
                    <td>
                      <div data-testid="bridge-device-doors">
                        {device.doors.length === 0
                          ? t('bridgePage.devices.noDoorsYet')
                          : device.doors.map((door) => t('bridgePage.devices.door', { door: door.doorName ?? door.doorId, backend: door.backendName ?? door.backendId })).join(', ')}
                      </div>
                      <DeviceLevels device={device} />
                      <DeviceReport live={live} lastTask={lastTaskOf(tasks, device.id)} />
                    </td>
                    <DeviceLive live={live} now={now} />
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        data-testid="bridge-device-edit"
                        onClick={() => {
                          setSavedSn(null);
                          setEditing(device);
                        }}
                      >
                        {t('bridgeDevices.edit')}
                      </button>{' '}
                      <button type="button" className="button button-small button-danger-quiet" data-testid="bridge-device-remove" onClick={() => setRemoving(device)}>
                        {t('bridgePage.devices.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {savedSn !== null && done?.action === 'device' ? (
        <p className="hint" role="status" data-testid="bridge-device-saved">
          {t('bridgeDevices.saved', { sn: savedSn })}
        </p>
      ) : null}
      <DeviceForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onDone={() => {
          if (editing && bridgeStore.getState().done?.action === 'device') setSavedSn(editing.sn);
          setEditing(null);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('bridgePage.devices.removeTitle', { sn: removing?.sn ?? '' })}
        confirmLabel={t('bridgePage.devices.remove')}
        danger
        busy={busy === 'device'}
        confirmTestId="bridge-device-remove-confirm"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void bridgeStore.getState().removeDevice(removing.id).then(() => setRemoving(null));
        }}
      >
        {t('bridgePage.devices.removeBody')}
      </ConfirmDialog>
    </section>
  );
}
