import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId, BridgeId, DoorRef } from '../../shared/contract/bridges.ts';

export interface StoredBridgeDevice {
  readonly id: BridgeDeviceId;
  readonly bridgeId: BridgeId;
  readonly sn: string;
  readonly doors: readonly DoorRef[];
  /** The access levels its workers get, per backend, as set (none set for a backend: the default). */
  readonly accessLevels: readonly DeviceAccessLevels[];
  readonly createdAt: string;
}

/** The access levels a device's workers get on one backend. */
interface DeviceAccessLevels {
  readonly backendId: BackendId;
  readonly accessLevelIds: readonly string[];
}

/** The device of a bridge that a door stands for. */
export interface DoorDevice {
  readonly bridgeId: BridgeId;
  readonly deviceId: BridgeDeviceId;
  readonly sn: string;
}

interface DeviceRow {
  id: number;
  bridge_id: number;
  sn: string;
  access_levels: string;
  created_at: string;
}

interface DoorRow {
  device_id: number;
  backend_id: number;
  door_id: string;
}

/**
 * Rows of `bridge_devices` and `bridge_device_doors`: the devices as registered with the platform
 * (`sn`, unique per bridge) and the site's doors each stands for (a door, one device per bridge).
 */
export class BridgeDevicesTable {
  private readonly db: Database;
  private readonly ofBridgeStmt: Statement<[number], DeviceRow>;
  private readonly getStmt: Statement<[number], DeviceRow>;
  private readonly bySnStmt: Statement<[number, string], DeviceRow>;
  private readonly doorsOfBridgeStmt: Statement<[number], DoorRow>;
  private readonly insertStmt: Statement<[number, string, string, string], DeviceRow>;
  private readonly levelsStmt: Statement<[string, number]>;
  private readonly clearDoorsStmt: Statement<[number]>;
  private readonly insertDoorStmt: Statement<[number, number, number, string]>;
  private readonly removeStmt: Statement<[number, number]>;
  private readonly doorOwnerStmt: Statement<[number, number, string], DeviceRow>;
  private readonly forDoorStmt: Statement<[number, string], DeviceRow>;

  constructor(db: Database) {
    this.db = db;
    this.ofBridgeStmt = db.prepare('SELECT * FROM bridge_devices WHERE bridge_id = ? ORDER BY id');
    this.getStmt = db.prepare('SELECT * FROM bridge_devices WHERE id = ?');
    this.bySnStmt = db.prepare('SELECT * FROM bridge_devices WHERE bridge_id = ? AND sn = ?');
    this.doorsOfBridgeStmt = db.prepare('SELECT device_id, backend_id, door_id FROM bridge_device_doors WHERE bridge_id = ? ORDER BY device_id, backend_id, door_id');
    this.insertStmt = db.prepare('INSERT INTO bridge_devices (bridge_id, sn, access_levels, created_at) VALUES (?, ?, ?, ?) RETURNING *');
    this.levelsStmt = db.prepare('UPDATE bridge_devices SET access_levels = ? WHERE id = ?');
    this.clearDoorsStmt = db.prepare('DELETE FROM bridge_device_doors WHERE device_id = ?');
    this.insertDoorStmt = db.prepare('INSERT INTO bridge_device_doors (device_id, bridge_id, backend_id, door_id) VALUES (?, ?, ?, ?)');
    this.removeStmt = db.prepare('DELETE FROM bridge_devices WHERE bridge_id = ? AND id = ?');
    this.doorOwnerStmt = db.prepare(
      `SELECT d.* FROM bridge_device_doors m JOIN bridge_devices d ON d.id = m.device_id WHERE m.bridge_id = ? AND m.backend_id = ? AND m.door_id = ?`,
    );
    this.forDoorStmt = db.prepare(
      `SELECT d.* FROM bridge_device_doors m JOIN bridge_devices d ON d.id = m.device_id WHERE m.backend_id = ? AND m.door_id = ? ORDER BY d.bridge_id`,
    );
  }

  list(bridgeId: BridgeId): StoredBridgeDevice[] {
    const doors = new Map<number, DoorRef[]>();
    for (const row of this.doorsOfBridgeStmt.all(bridgeId)) {
      const list = doors.get(row.device_id) ?? [];
      list.push({ backendId: row.backend_id, doorId: row.door_id });
      doors.set(row.device_id, list);
    }
    return this.ofBridgeStmt.all(bridgeId).map((row) => ({ id: row.id, bridgeId: row.bridge_id, sn: row.sn, doors: doors.get(row.id) ?? [], accessLevels: JSON.parse(row.access_levels) as DeviceAccessLevels[], createdAt: row.created_at }));
  }

  get(id: BridgeDeviceId): StoredBridgeDevice | undefined {
    const row = this.getStmt.get(id);
    return row && this.list(row.bridge_id).find((device) => device.id === id);
  }

  bySn(bridgeId: BridgeId, sn: string): StoredBridgeDevice | undefined {
    const row = this.bySnStmt.get(bridgeId, sn);
    return row && this.get(row.id);
  }

  /** The device of this bridge that already stands for the door, if any. */
  doorOwner(bridgeId: BridgeId, door: DoorRef): { id: BridgeDeviceId; sn: string } | undefined {
    const row = this.doorOwnerStmt.get(bridgeId, door.backendId, door.doorId);
    return row && { id: row.id, sn: row.sn };
  }

  /** The devices (one per bridge at most) a pass at this door is reported from. */
  forDoor(backendId: BackendId, doorId: string): DoorDevice[] {
    return this.forDoorStmt.all(backendId, doorId).map((row) => ({ bridgeId: row.bridge_id, deviceId: row.id, sn: row.sn }));
  }

  /** The device and its doors, in one transaction (the unique keys refuse a taken sn or door). */
  insert(bridgeId: BridgeId, sn: string, doors: readonly DoorRef[], now: string, accessLevels: readonly DeviceAccessLevels[] = []): StoredBridgeDevice {
    const id = this.db.transaction(() => {
      const row = this.insertStmt.get(bridgeId, sn, JSON.stringify(accessLevels), now)!;
      for (const door of doors) this.insertDoorStmt.run(row.id, bridgeId, door.backendId, door.doorId);
      return row.id;
    })();
    return this.get(id)!;
  }

  /** Replaces the doors and/or the access levels given, in one transaction (the unique keys refuse a taken door). */
  update(bridgeId: BridgeId, id: BridgeDeviceId, change: { doors?: readonly DoorRef[] | undefined; accessLevels?: readonly DeviceAccessLevels[] | undefined }): StoredBridgeDevice {
    this.db.transaction(() => {
      if (change.doors) {
        this.clearDoorsStmt.run(id);
        for (const door of change.doors) this.insertDoorStmt.run(id, bridgeId, door.backendId, door.doorId);
      }
      if (change.accessLevels) this.levelsStmt.run(JSON.stringify(change.accessLevels), id);
    })();
    return this.get(id)!;
  }

  remove(bridgeId: BridgeId, id: BridgeDeviceId): boolean {
    return this.removeStmt.run(bridgeId, id).changes > 0;
  }
}
