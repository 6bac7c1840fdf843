import { useTranslation } from 'react-i18next';

/** The camera to use: the default one, or one of those listed (by label once the camera is allowed). */
export function FaceCameraPicker({ devices, deviceId, onChange }: { devices: readonly MediaDeviceInfo[]; deviceId: string; onChange: (deviceId: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="face-toolbar">
      <label className="field-label" htmlFor="face-camera">
        {t('face.camera')}
      </label>
      <select id="face-camera" className="select" data-testid="face-camera" value={deviceId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('face.defaultCamera')}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || t('face.cameraN', { n: i + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
