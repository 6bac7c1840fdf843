import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceSnSchema, type BridgeDevice, type BridgeDeviceState, type DoorRef } from '../../../../shared/contract/bridges.ts';
import { Badge } from '../../components/badge.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { DEVICE_STATE_TONES, durationWords } from '../../stores/bridge-words.ts';
import { useErrorText } from '../../use-error-text.ts';
import { FieldIssue } from './settings-form.tsx';

const doorKey = (door: DoorRef) => `${door.backendId}/${door.doorId}`;

/** Now, once a second: "12 s ago" keeps counting between events (a clock here; the core is not asked). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function DeviceLive({ live, now }: { readonly live: BridgeDeviceState | undefined; readonly now: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (!live) return <td colSpan={5}>{t('bridgePage.state.none')}</td>;
  const words = (ms: number, kind: 'ago' | 'age') => {
    const w = durationWords(ms, kind);
    return t(w.key, w.values);
  };
  return (
    <>
      <td>
        <span data-testid="bridge-device-status" data-status={live.status}>
          <Badge tone={DEVICE_STATE_TONES[live.status]}>{t(`bridgePage.state.status.${live.status}`)}</Badge>
        </span>
        {live.lastError ? (
          <div className="bridge-device-error" data-testid="bridge-device-error">
            <span className="mono">{live.lastError.vendorCode ?? live.lastError.code}</span> {live.lastError.message}
            {live.lastError.advice ? <p className="hint bridge-advice">{live.lastError.advice[lang]}</p> : null}
          </div>
        ) : null}
      </td>
      <td data-testid="bridge-device-heartbeat">
        {live.lastHeartbeatAt === null ? (
          t('bridgePage.state.never')
        ) : (
          <>
            {formatDateTimeSeconds(new Date(live.lastHeartbeatAt).toISOString(), lang)}
            <br />
            <span className="hint" data-testid="bridge-device-heartbeat-ago">
              {words(now - live.lastHeartbeatAt, 'ago')}
            </span>
          </>
        )}
      </td>
      <td data-testid="bridge-device-token-age">{live.tokenAgeMs === null ? t('bridgePage.state.none') : words(live.tokenAgeMs, 'age')}</td>
      <td data-testid="bridge-device-queue">{live.queueDepth}</td>
      <td data-testid="bridge-device-tasks">{live.openTasks}</td>
    </>
  );
}

/**
 * Devices (issue 16 items 5.3 and 5.4): each sn with the site's doors it stands for and its live
 * session (status, last heartbeat in the site's zone and how long ago, token age, queue, open tasks,
 * last error with advice); add one (sn + doors from the site's stored inventory), remove one.
 */
export function DevicesPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const devices = useBridge((s) => s.devices);
  const state = useBridge((s) => s.state);
  const doors = useBridge((s) => s.doors);
  const busy = useBridge((s) => s.busy);
  const error = useBridge((s) => s.error);
  const now = useNow();
  const [sn, setSn] = useState('');
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [touched, setTouched] = useState(false);
  const [removing, setRemoving] = useState<BridgeDevice | null>(null);
  const snOk = DeviceSnSchema.safeParse(sn.trim()).success;
  const takenDoors = new Map(devices.flatMap((device) => device.doors.map((door) => [doorKey(door), device.sn] as const)));

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!snOk) return;
    const refs = doors.filter((d) => picked.includes(doorKey(d)) && !takenDoors.has(doorKey(d))).map((d) => ({ backendId: d.backendId, doorId: d.doorId }));
    if (await bridgeStore.getState().addDevice(sn.trim(), refs)) {
      setSn('');
      setPicked([]);
      setTouched(false);
    }
  }

  return (
    <section className="card bridge-devices" data-testid="bridge-devices">
      <h2 className="card-title">{t('bridgePage.devices.title')}</h2>
      <p className="hint">{t('bridgePage.devices.intro')}</p>
      {state ? (
        <p className="hint" data-testid="bridge-running" data-running={state.running}>
          {t(state.running ? 'bridgePage.state.running' : 'bridgePage.state.notRunning')}
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
              {devices.map((device) => (
                <tr key={device.id} data-testid="bridge-device-row" data-sn={device.sn}>
                  <td className="mono">{device.sn}</td>
                  <td data-testid="bridge-device-doors">
                    {device.doors.length === 0
                      ? t('bridgePage.devices.noDoorsYet')
                      : device.doors.map((door) => t('bridgePage.devices.door', { door: door.doorName ?? door.doorId, backend: door.backendName ?? door.backendId })).join(', ')}
                  </td>
                  <DeviceLive live={state?.devices.find((d) => d.deviceId === device.id)} now={now} />
                  <td>
                    <button type="button" className="button button-small button-danger-quiet" data-testid="bridge-device-remove" onClick={() => setRemoving(device)}>
                      {t('bridgePage.devices.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="bridge-device-add" onSubmit={(e) => void add(e)} noValidate>
        <div className="bridge-field">
          <label className="field-label" htmlFor="bridge-device-sn">
            {t('bridgePage.devices.sn')}
          </label>
          <input id="bridge-device-sn" className="input mono" data-testid="bridge-device-sn" value={sn} aria-invalid={touched && !snOk ? true : undefined} onChange={(e) => setSn(e.target.value)} />
          <FieldIssue issue={touched && !snOk ? { key: 'bridgePage.validation.sn' } : undefined} testId="bridge-device-sn-error" />
        </div>
        <fieldset className="bridge-door-pick">
          <legend className="field-label">{t('bridgePage.devices.doorsPick')}</legend>
          {doors.length === 0 ? <p className="hint">{t('bridgePage.devices.noSiteDoors')}</p> : null}
          {doors.map((door) => {
            const key = doorKey(door);
            // A pass is reported from one device: a door already standing for one is shown, not offered.
            const takenBy = takenDoors.get(key);
            return (
              <label key={key} className="bridge-check">
                <input
                  type="checkbox"
                  data-testid="bridge-door-option"
                  data-door={key}
                  disabled={takenBy !== undefined}
                  checked={takenBy === undefined && picked.includes(key)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, key] : p.filter((k) => k !== key)))}
                />{' '}
                {takenBy === undefined
                  ? t('bridgePage.devices.door', { door: door.name, backend: door.backendName })
                  : t('bridgePage.devices.doorTaken', { door: door.name, backend: door.backendName, sn: takenBy })}
              </label>
            );
          })}
        </fieldset>
        <button type="submit" className="button button-primary" data-testid="bridge-device-add" disabled={busy === 'device'}>
          {t('bridgePage.devices.add')}
        </button>
        {error?.action === 'device' ? (
          <p className="field-error" role="alert" data-testid="bridge-device-error-message">
            {errorText(error.body)}
          </p>
        ) : null}
      </form>
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
