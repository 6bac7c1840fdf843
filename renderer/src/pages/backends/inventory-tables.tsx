import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Door, Inventory } from '../../../../shared/contract/backends.ts';

interface TableProps {
  readonly inventory: Inventory;
}

const DASH = '—';

function Table({ testId, heads, empty, children }: { readonly testId: string; readonly heads: readonly string[]; readonly empty: boolean; readonly children: ReactNode }) {
  const { t } = useTranslation();
  if (empty) return <p className="empty">{t('backends.inventory.empty')}</p>;
  return (
    <table className="table table-compact" data-testid={testId}>
      <thead>
        <tr>
          {heads.map((head) => (
            <th key={head} scope="col">
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function Online({ online }: { readonly online: boolean | null }) {
  const { t } = useTranslation();
  if (online === null) return <span className="hint">{t('backends.inventory.unknown')}</span>;
  return <span className={online ? 'state state-on' : 'state state-off'}>{t(online ? 'backends.inventory.online' : 'backends.inventory.offline')}</span>;
}

export function DevicesTable({ inventory }: TableProps) {
  const { t } = useTranslation();
  const c = (key: string) => t(`backends.inventory.columns.${key}`);
  return (
    <Table testId="inventory-devices" heads={[c('name'), c('serial'), c('ip'), c('model'), c('kind'), c('online')]} empty={inventory.devices.length === 0}>
      {inventory.devices.map((device) => (
        <tr key={device.id} data-testid="inventory-device">
          <td>{device.name}</td>
          <td className="mono selectable">{device.serial ?? DASH}</td>
          <td className="mono selectable">{device.ip ?? DASH}</td>
          <td>{device.model ?? DASH}</td>
          <td>{t(`backends.inventory.kinds.${device.kind}`)}</td>
          <td>
            <Online online={device.online} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

function doorState(door: Door, t: (key: string) => string): string {
  const state = door.state;
  if (!state) return DASH;
  if (state.text) return state.text;
  const parts = [state.sensor !== 'unknown' ? t(`backends.inventory.sensor.${state.sensor}`) : '', state.relay !== 'unknown' ? t(`backends.inventory.relay.${state.relay}`) : ''];
  return parts.filter(Boolean).join(' · ') || DASH;
}

export function DoorsTable({ inventory }: TableProps) {
  const { t } = useTranslation();
  const c = (key: string) => t(`backends.inventory.columns.${key}`);
  const deviceName = new Map(inventory.devices.map((device) => [device.id, device.name]));
  return (
    <Table testId="inventory-doors" heads={[c('name'), c('device'), c('number'), c('state'), c('online')]} empty={inventory.doors.length === 0}>
      {inventory.doors.map((door) => (
        <tr key={door.id} data-testid="inventory-door">
          <td>{door.name}</td>
          <td>{door.deviceId ? (deviceName.get(door.deviceId) ?? door.deviceId) : DASH}</td>
          <td>{door.number ?? DASH}</td>
          <td>{doorState(door, t)}</td>
          <td>
            <Online online={door.state?.online ?? null} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function ReadersTable({ inventory }: TableProps) {
  const { t } = useTranslation();
  const c = (key: string) => t(`backends.inventory.columns.${key}`);
  const doorName = new Map(inventory.doors.map((door) => [door.id, door.name]));
  return (
    <Table testId="inventory-readers" heads={[c('name'), c('door'), c('direction')]} empty={inventory.readers.length === 0}>
      {inventory.readers.map((reader) => (
        <tr key={reader.id}>
          <td>{reader.name}</td>
          <td>{reader.doorId ? (doorName.get(reader.doorId) ?? reader.doorId) : DASH}</td>
          <td>{reader.direction ? t(`backends.inventory.direction.${reader.direction}`) : DASH}</td>
        </tr>
      ))}
    </Table>
  );
}

export function LevelsTable({ inventory }: TableProps) {
  const { t } = useTranslation();
  const c = (key: string) => t(`backends.inventory.columns.${key}`);
  const doorName = new Map(inventory.doors.map((door) => [door.id, door.name]));
  return (
    <Table testId="inventory-levels" heads={[c('name'), c('doors')]} empty={inventory.accessLevels.length === 0}>
      {inventory.accessLevels.map((level) => (
        <tr key={level.id}>
          <td>{level.name}</td>
          <td>{level.doorIds === null ? DASH : level.doorIds.map((id) => doorName.get(id) ?? id).join(', ') || DASH}</td>
        </tr>
      ))}
    </Table>
  );
}

export function DepartmentsTable({ inventory }: TableProps) {
  const { t } = useTranslation();
  const c = (key: string) => t(`backends.inventory.columns.${key}`);
  const name = new Map(inventory.departments.map((department) => [department.id, department.name]));
  return (
    <Table testId="inventory-departments" heads={[c('name'), c('parent')]} empty={inventory.departments.length === 0}>
      {inventory.departments.map((department) => (
        <tr key={department.id}>
          <td>{department.name}</td>
          <td>{department.parentId ? (name.get(department.parentId) ?? department.parentId) : DASH}</td>
        </tr>
      ))}
    </Table>
  );
}
