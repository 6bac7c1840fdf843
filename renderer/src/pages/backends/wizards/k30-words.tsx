import { useTranslation } from 'react-i18next';
import type { K30DeviceField } from '../../../../../shared/contract/commissioning.ts';

/** A K30 device's values as the installer reads them: direction 入口 / 出口, attendance on / off, online state. */
export function useK30Words() {
  const { t } = useTranslation();
  const online = (value: boolean | null) => t(value === true ? 'k30Wizard.online' : value === false ? 'k30Wizard.offline' : 'k30Wizard.unknown');
  const value = (field: K30DeviceField, v: string | boolean | null) => {
    if (v === null || v === '') return t('k30Wizard.empty');
    if (field === 'direction') return t(v === 'in' ? 'k30Wizard.directionIn' : 'k30Wizard.directionOut');
    if (typeof v === 'boolean') return t(v ? 'k30Wizard.on' : 'k30Wizard.off');
    return v;
  };
  return { online, value };
}

export function OnlineBadge({ online }: { readonly online: boolean | null }) {
  const { online: word } = useK30Words();
  const tone = online === true ? 'badge-ok' : online === false ? 'badge-bad' : 'badge-neutral';
  return (
    <span className={`badge ${tone}`} data-testid="k30-online" data-online={String(online)}>
      {word(online)}
    </span>
  );
}
