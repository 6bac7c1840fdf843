import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inventory } from '../../../../shared/contract/backends.ts';
import { DoorStateText, Given, Missing, Online } from './inventory-cells.tsx';

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

export function DevicesTable({ inventory }: TableProps) {
  const { t } = useTranslation();
  const c = (key: string) => t(`backends.inventory.columns.${key}`);
  return (
    <Table testId="inventory-devices" heads={[c('name'), c('serial'), c('ip'), c('model'), c('kind'), c('online')]} empty={inventory.devices.length === 0}>
      {inventory.devices.map((device) => (
        <tr key={device.id} data-testid="inventory-device">
          <td>{device.name}</td>
          <td data-column="serial">
            <Given value={device.serial} note={device.notes?.serial} field="serial" mono />
          </td>
          <td data-column="ip">
            <Given value={device.ip} note={device.notes?.ip} field="ip" mono />
          </td>
          <td data-column="model">
            <Given value={device.model} note={device.notes?.model} field="model" />
          </td>
          <td>{t(`backends.inventory.kinds.${device.kind}`)}</td>
          <td data-column="online">
            <Online online={device.online} note={device.notes?.online} />
          </td>
        </tr>
      ))}
    </Table>
  );
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
          <td data-column="state">
            <DoorStateText state={door.state} note={door.notes?.state} />
          </td>
          <td data-column="online">
            <Online online={door.state?.online ?? null} note={door.state ? undefined : door.notes?.state} />
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
        <tr key={level.id} data-testid="inventory-level">
          <td>{level.name}</td>
          <td data-column="doors">
            {level.doorIds === null ? (
              <Missing note={level.notes?.doorIds} field="doorIds" />
            ) : (
              level.doorIds.map((id) => doorName.get(id) ?? id).join(', ') || t('backends.inventory.noDoors')
            )}
          </td>
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
