import type { z } from 'zod';
import type { BackendId } from '../../shared/contract/backends.ts';
import {
  BRIDGE_CREDENTIAL_FIELDS,
  type Bridge,
  type BridgeCredentials,
  type BridgeDevice,
  type BridgeDeviceId,
  type BridgeId,
  type BridgeQueue,
  type BridgeTask,
  type DeviceAccessLevels,
  type bridgeMethods,
  type DoorRef,
} from '../../shared/contract/bridges.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';
import type { Logger } from '../log/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { BackendsTable } from '../store/backends-table.ts';
import type { BridgeConfigsTable, StoredBridge } from '../store/bridge-configs-table.ts';
import type { BridgeDevicesTable, DoorDevice, StoredBridgeDevice } from '../store/bridge-devices-table.ts';
import type { BridgeSigninsTable } from '../store/bridge-signins-table.ts';
import type { BridgeAttendanceMarks } from '../store/bridge-attendance-marks.ts';
import type { BridgeLeasesTable } from '../store/bridge-leases-table.ts';
import type { BridgeTasksTable } from '../store/bridge-tasks-table.ts';
import type { BridgeWorkersTable } from '../store/bridge-workers-table.ts';
import type { InventoryTable } from '../store/inventory-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { checkSettings, defaultSettings, mergeSettings, readSettings, settingsError, type BridgeRuntimeSettings } from './bridge-settings.ts';

type Input<M extends keyof typeof bridgeMethods> = z.output<(typeof bridgeMethods)[M]['input']>;

export interface BridgeTables {
  readonly configs: BridgeConfigsTable;
  readonly devices: BridgeDevicesTable;
  readonly workers: BridgeWorkersTable;
  readonly tasks: BridgeTasksTable;
  readonly signins: BridgeSigninsTable;
  /** Where each bridge's attendance catch-up stands (migration 025). */
  readonly marks: BridgeAttendanceMarks;
  /** Who runs each bridge (one runner per bridge, across processes). */
  readonly leases: BridgeLeasesTable;
}

interface BridgeDeps {
  readonly tables: BridgeTables;
  readonly sites: SitesTable;
  readonly backends: BackendsTable;
  readonly inventory: InventoryTable;
  readonly secrets: SecretBox;
  readonly log: Logger;
  readonly now?: () => Date;
}

/** Everything a device session needs to run one bridge (core only: it holds the opened secrets). */
export interface BridgeRuntime {
  readonly bridge: Bridge;
  readonly tls: TlsOptions;
  readonly credentials: BridgeCredentials;
  readonly settings: BridgeRuntimeSettings;
  readonly devices: readonly BridgeDevice[];
}

function notFound(id: BridgeId): ApiError {
  return new ApiError('bridge_not_found', `There is no bridge ${id}.`, { id });
}

/**
 * The platform bridges (issue 16 items 2 and 6): their configuration, devices and door mapping, task
 * history and attendance queue. The contract's `bridge.*` methods call the first group; the device
 * sessions, the task executor and the attendance feed (other parts of issue 16) use:
 *
 * - {@link BridgeService.runtime}: a bridge's addresses, TLS trust, opened credentials, codec
 *   settings in the codec's own types, and devices — what a session connects with;
 * - {@link BridgeService.enabled}: the bridges to run;
 * - {@link BridgeService.devicesForDoor}: the devices a pass at a door is reported from;
 * - {@link BridgeService.tables}: the durable state — `tasks` (receive, fetched, progress, finish,
 *   reported, open), `workers` (put, remove, clear, personIdOf, count) and `signins` (enqueue,
 *   claim, done, failed, requeueSending on start, depth).
 *
 * Credentials are sealed by the secret box and never returned by the contract or logged: the
 * contract shows only which of accessId, accessKey and accessSecret are set.
 */
export class BridgeService {
  readonly tables: BridgeTables;
  private readonly deps: BridgeDeps;
  private readonly now: () => Date;

  constructor(deps: BridgeDeps) {
    this.deps = deps;
    this.tables = deps.tables;
    this.now = deps.now ?? (() => new Date());
  }

  list(siteId?: SiteId): Bridge[] {
    return this.tables.configs.list(siteId).map((stored) => this.toBridge(stored));
  }

  get(id: BridgeId): Bridge {
    return this.toBridge(this.stored(id));
  }

  add(input: Input<'bridge.add'>): Bridge {
    if (!this.deps.sites.get(input.siteId)) throw new ApiError('site_not_found', `There is no site ${input.siteId}.`, { id: input.siteId });
    const settings = mergeSettings(defaultSettings(), input.settings);
    const stored = this.tables.configs.insert(
      {
        siteId: input.siteId,
        name: input.name ?? new URL(input.httpsUrl).host,
        tcpHost: input.tcp.host,
        tcpPort: input.tcp.port,
        httpsUrl: input.httpsUrl,
        tls: input.tls,
        credentialsSealed: this.deps.secrets.seal(JSON.stringify(input.credentials)),
        settings: JSON.stringify(settings),
        enabled: input.enabled,
      },
      this.stamp(),
    );
    // Never the credentials: which are set is all anyone needs to see.
    this.deps.log.info({ bridge: stored.id, site: stored.siteId, tcp: `${stored.tcpHost}:${stored.tcpPort}`, url: stored.httpsUrl }, 'bridge added');
    return this.toBridge(stored);
  }

  update(input: Input<'bridge.update'>): Bridge {
    const stored = this.stored(input.id);
    const credentials = input.credentials ? { ...this.credentials(input.id), ...input.credentials } : null;
    const updated = this.tables.configs.update(
      input.id,
      {
        siteId: stored.siteId,
        name: input.name ?? stored.name,
        tcpHost: input.tcp?.host ?? stored.tcpHost,
        tcpPort: input.tcp?.port ?? stored.tcpPort,
        httpsUrl: input.httpsUrl ?? stored.httpsUrl,
        tls: input.tls ?? stored.tls,
        credentialsSealed: credentials ? this.deps.secrets.seal(JSON.stringify(credentials)) : stored.credentialsSealed,
        settings: input.settings ? JSON.stringify(mergeSettings(readSettings(stored.settings), input.settings)) : stored.settings,
        enabled: input.enabled ?? stored.enabled,
      },
      this.stamp(),
    );
    if (!updated) throw notFound(input.id);
    this.deps.log.info({ bridge: input.id, changed: Object.keys(input).filter((key) => key !== 'id') }, 'bridge changed');
    return this.toBridge(updated);
  }

  remove(id: BridgeId): { id: BridgeId } {
    if (!this.tables.configs.remove(id)) throw notFound(id);
    this.deps.log.info({ bridge: id }, 'bridge removed');
    return { id };
  }

  devices(bridgeId: BridgeId): BridgeDevice[] {
    this.stored(bridgeId);
    return this.tables.devices.list(bridgeId).map((device) => this.toDevice(device));
  }

  /** Refuses a taken sn, a door not in the site's stored inventory, and a door another device of the bridge stands for — naming it. */
  addDevice(input: Input<'bridge.devices.add'>): BridgeDevice {
    const bridge = this.stored(input.bridgeId);
    if (this.tables.devices.bySn(bridge.id, input.sn)) throw new ApiError('bridge_sn_taken', `Bridge ${bridge.id} already has a device ${input.sn}.`, { sn: input.sn, bridgeId: bridge.id });
    const doors = uniqueDoors(input.doors);
    for (const door of doors) {
      this.refuseUnknownDoor(bridge.siteId, door);
      const owner = this.tables.devices.doorOwner(bridge.id, door);
      if (owner) {
        throw new ApiError('bridge_door_taken', `Door ${door.backendId}:${door.doorId} already stands for device ${owner.sn} of bridge ${bridge.id}.`, { ...door, sn: owner.sn });
      }
    }
    const accessLevels = this.checkLevels(bridge.siteId, input.accessLevels);
    const device = this.tables.devices.insert(bridge.id, input.sn, doors, this.stamp(), accessLevels);
    this.deps.log.info({ bridge: bridge.id, device: device.id, sn: device.sn, doors: doors.length }, 'bridge device added');
    return this.toDevice(device);
  }

  /** Replaces the doors and/or access levels given; refuses as {@link addDevice} does, and a level not in the backend's stored inventory. */
  updateDevice(input: Input<'bridge.devices.update'>): BridgeDevice {
    const bridge = this.stored(input.bridgeId);
    const current = this.tables.devices.get(input.deviceId);
    if (!current || current.bridgeId !== bridge.id) {
      throw new ApiError('bridge_device_not_found', `Bridge ${bridge.id} has no device #${input.deviceId}.`, { bridgeId: bridge.id, deviceId: input.deviceId });
    }
    const doors = input.doors ? uniqueDoors(input.doors) : undefined;
    for (const door of doors ?? []) {
      this.refuseUnknownDoor(bridge.siteId, door);
      const owner = this.tables.devices.doorOwner(bridge.id, door);
      if (owner && owner.id !== current.id) {
        throw new ApiError('bridge_door_taken', `Door ${door.backendId}:${door.doorId} already stands for device ${owner.sn} of bridge ${bridge.id}.`, { ...door, sn: owner.sn });
      }
    }
    const accessLevels = input.accessLevels ? this.checkLevels(bridge.siteId, input.accessLevels) : undefined;
    const device = this.tables.devices.update(bridge.id, current.id, { doors, accessLevels });
    this.deps.log.info({ bridge: bridge.id, device: device.id, sn: device.sn, doors: device.doors.length, levels: device.accessLevels.length }, 'bridge device changed');
    return this.toDevice(device);
  }

  /**
   * The access level ids a device's workers get on each backend behind its doors: the levels set for
   * that backend, else the backend's stored levels whose doors include one of the device's doors
   * there (a level whose doors the backend does not list is not guessed at).
   */
  workerLevels(deviceId: BridgeDeviceId): Map<BackendId, string[]> {
    const device = this.tables.devices.get(deviceId);
    return new Map((device ? this.levelsOf(device) : []).map((level) => [level.backendId, level.accessLevelIds]));
  }

  /** The backends behind the device's doors where its workers would get no access level at all. */
  backendsWithoutLevel(deviceId: BridgeDeviceId): { backendId: BackendId; backendName: string | null }[] {
    const device = this.tables.devices.get(deviceId);
    return (device ? this.levelsOf(device) : []).filter((level) => level.accessLevelIds.length === 0).map(({ backendId, backendName }) => ({ backendId, backendName }));
  }

  removeDevice(bridgeId: BridgeId, deviceId: BridgeDeviceId): { deviceId: BridgeDeviceId } {
    this.stored(bridgeId);
    if (!this.tables.devices.remove(bridgeId, deviceId)) {
      throw new ApiError('bridge_device_not_found', `Bridge ${bridgeId} has no device #${deviceId}.`, { bridgeId, deviceId });
    }
    return { deviceId };
  }

  queue(bridgeId: BridgeId, limit: number): BridgeQueue {
    this.stored(bridgeId);
    const devices = this.tables.signins.bridgeDepths(bridgeId);
    const oldest = devices.reduce<number | null>((min, d) => (d.oldestRecordTime === null ? min : min === null ? d.oldestRecordTime : Math.min(min, d.oldestRecordTime)), null);
    const failed = this.tables.signins.failures(bridgeId, limit).map(({ type: _type, temperature: _t, photoRef: _p, enqueuedAt: _e, ...signin }) => signin);
    return {
      depth: devices.reduce((sum, d) => sum + d.depth, 0),
      oldestRecordTime: oldest,
      oldestAgeMs: oldest === null ? null : Math.max(0, this.now().getTime() - oldest),
      devices: devices.map(({ deviceId, sn, depth }) => ({ deviceId, sn, depth })),
      failed,
    };
  }

  retryQueue(bridgeId: BridgeId, signinId?: number): { retried: number } {
    this.stored(bridgeId);
    return { retried: this.tables.signins.retryNow(bridgeId, this.now().getTime(), signinId) };
  }

  tasks(bridgeId: BridgeId, limit: number): BridgeTask[] {
    this.stored(bridgeId);
    return this.tables.tasks.history(bridgeId, limit).map(({ param: _param, leaving: _leaving, ...task }) => task);
  }

  /** The bridges to run (enabled), every site. */
  enabled(): Bridge[] {
    return this.list().filter((bridge) => bridge.enabled);
  }

  /** What a device session connects with; throws `bridge_settings_invalid` if the stored settings no longer build a codec. */
  runtime(id: BridgeId): BridgeRuntime {
    const stored = this.stored(id);
    const { runtime, problems } = checkSettings(readSettings(stored.settings));
    if (!runtime) throw settingsError(problems);
    return { bridge: this.toBridge(stored), tls: stored.tls, credentials: this.credentials(id), settings: runtime, devices: this.devices(id) };
  }

  /** The devices (one per bridge at most) a pass at this door is reported from. */
  devicesForDoor(backendId: BackendId, doorId: string): DoorDevice[] {
    return this.tables.devices.forDoor(backendId, doorId);
  }

  /** The opened credentials (core only: never across the API, never logged). */
  credentials(id: BridgeId): BridgeCredentials {
    return JSON.parse(this.deps.secrets.open(this.stored(id).credentialsSealed)) as BridgeCredentials;
  }

  private stored(id: BridgeId): StoredBridge {
    const stored = this.tables.configs.get(id);
    if (!stored) throw notFound(id);
    return stored;
  }

  private refuseUnknownDoor(siteId: SiteId, door: DoorRef): void {
    const backend = this.deps.backends.get(door.backendId);
    const known = backend?.backend.siteId === siteId && (this.deps.inventory.load(door.backendId)?.doors ?? []).some((d) => d.id === door.doorId);
    if (!known) {
      throw new ApiError('bridge_door_unknown', `Door ${door.backendId}:${door.doorId} is not in the stored inventory of site ${siteId}.`, { ...door, siteId });
    }
  }

  private levelsOf(device: StoredBridgeDevice): BridgeDevice['levels'] {
    const backends = [...new Set(device.doors.map((door) => door.backendId))];
    return backends.map((backendId) => {
      const set = device.accessLevels.find((levels) => levels.backendId === backendId);
      const backendName = this.deps.backends.get(backendId)?.backend.name ?? null;
      if (set && set.accessLevelIds.length > 0) return { backendId, backendName, accessLevelIds: [...set.accessLevelIds], from: 'set' as const };
      const doors = new Set(device.doors.filter((door) => door.backendId === backendId).map((door) => door.doorId));
      const covering = (this.deps.inventory.load(backendId)?.accessLevels ?? []).filter((level) => (level.doorIds ?? []).some((doorId) => doors.has(doorId)));
      return { backendId, backendName, accessLevelIds: covering.map((level) => level.id), from: 'doors' as const };
    });
  }

  /** Levels of the site's backends, each in that backend's stored inventory; refuses naming the first unknown. */
  private checkLevels(siteId: SiteId, levels: readonly DeviceAccessLevels[]): DeviceAccessLevels[] {
    const merged = new Map<BackendId, string[]>();
    for (const { backendId, accessLevelIds } of levels) merged.set(backendId, [...new Set([...(merged.get(backendId) ?? []), ...accessLevelIds])]);
    for (const [backendId, ids] of merged) {
      const known = this.deps.backends.get(backendId)?.backend.siteId === siteId ? new Set((this.deps.inventory.load(backendId)?.accessLevels ?? []).map((level) => level.id)) : new Set<string>();
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) {
        throw new ApiError('bridge_level_unknown', `Access level ${backendId}:${unknown} is not in the stored inventory of site ${siteId}. Refresh the backend's inventory, or pick one of its levels.`, { backendId, accessLevelId: unknown, siteId });
      }
    }
    return [...merged].map(([backendId, accessLevelIds]) => ({ backendId, accessLevelIds }));
  }

  private toBridge(stored: StoredBridge): Bridge {
    let fields: string[] = [];
    try {
      const opened = JSON.parse(this.deps.secrets.open(stored.credentialsSealed)) as Record<string, unknown>;
      fields = BRIDGE_CREDENTIAL_FIELDS.filter((field) => typeof opened[field] === 'string' && opened[field] !== '');
    } catch {
      // Sealed by another box (the desktop app's keychain, read in a plain Node run): shown as not set.
    }
    return {
      id: stored.id,
      siteId: stored.siteId,
      name: stored.name,
      tcpHost: stored.tcpHost,
      tcpPort: stored.tcpPort,
      httpsUrl: stored.httpsUrl,
      plainHttp: stored.httpsUrl.toLowerCase().startsWith('http:'),
      tls: stored.tls.mode,
      credentialFields: fields as Bridge['credentialFields'],
      settings: readSettings(stored.settings),
      enabled: stored.enabled,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
  }

  private toDevice(device: StoredBridgeDevice): BridgeDevice {
    const names = new Map<BackendId, { backend: string | null; doors: Map<string, string> }>();
    const namesOf = (backendId: BackendId) => {
      let known = names.get(backendId);
      if (!known) {
        known = { backend: this.deps.backends.get(backendId)?.backend.name ?? null, doors: new Map((this.deps.inventory.load(backendId)?.doors ?? []).map((d) => [d.id, d.name])) };
        names.set(backendId, known);
      }
      return known;
    };
    return {
      id: device.id,
      bridgeId: device.bridgeId,
      sn: device.sn,
      doors: device.doors.map((door) => ({ ...door, doorName: namesOf(door.backendId).doors.get(door.doorId) ?? null, backendName: namesOf(door.backendId).backend })),
      accessLevels: device.accessLevels.map((levels) => ({ backendId: levels.backendId, accessLevelIds: [...levels.accessLevelIds] })),
      levels: this.levelsOf(device),
      createdAt: device.createdAt,
    };
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

function uniqueDoors(doors: readonly DoorRef[]): DoorRef[] {
  const seen = new Set<string>();
  return doors.filter((door) => {
    const key = `${door.backendId}\u0000${door.doorId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
