import type { Database } from 'better-sqlite3';
import type { AccessLevel, BackendId, Department, Device, Door, Inventory, Reader } from '../../shared/contract/backends.ts';
import type { InventoryTable } from './migrations/002-backends.ts';

interface Item {
  readonly id: string;
  readonly name: string;
}

/** The backend's devices, doors, readers, levels and departments as last read, kept for offline use. */
export class InventoryStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Replaces what the backend lists now, in one transaction; items gone from it are marked removed. */
  save(backendId: BackendId, inventory: Inventory): void {
    const now = inventory.refreshedAt;
    this.db.transaction(() => {
      this.saveKind(backendId, 'devices', inventory.devices, now);
      this.saveKind(backendId, 'doors', inventory.doors, now);
      this.saveKind(backendId, 'readers', inventory.readers, now);
      this.saveKind(backendId, 'access_levels', inventory.accessLevels, now);
      this.saveKind(backendId, 'departments', inventory.departments, now);
      this.db.prepare('UPDATE backends SET inventory_at = ? WHERE id = ?').run(now, backendId);
    })();
  }

  load(backendId: BackendId): Inventory | null {
    const row = this.db.prepare('SELECT inventory_at FROM backends WHERE id = ?').get(backendId) as { inventory_at: string | null } | undefined;
    if (!row?.inventory_at) return null;
    return {
      devices: this.loadKind<Device>(backendId, 'devices'),
      doors: this.loadKind<Door>(backendId, 'doors'),
      readers: this.loadKind<Reader>(backendId, 'readers'),
      accessLevels: this.loadKind<AccessLevel>(backendId, 'access_levels'),
      departments: this.loadKind<Department>(backendId, 'departments'),
      refreshedAt: row.inventory_at,
    };
  }

  private saveKind(backendId: BackendId, table: InventoryTable, items: readonly Item[], now: string): void {
    const upsert = this.db.prepare(
      `INSERT INTO ${table} (backend_id, remote_id, name, data, seen_at, removed_at) VALUES (?, ?, ?, ?, ?, NULL)
       ON CONFLICT (backend_id, remote_id) DO UPDATE SET name = excluded.name, data = excluded.data, seen_at = excluded.seen_at, removed_at = NULL`,
    );
    for (const item of items) upsert.run(backendId, item.id, item.name, JSON.stringify(item), now);
    this.db.prepare(`UPDATE ${table} SET removed_at = ? WHERE backend_id = ? AND seen_at <> ? AND removed_at IS NULL`).run(now, backendId, now);
  }

  private loadKind<T>(backendId: BackendId, table: InventoryTable): T[] {
    const rows = this.db.prepare(`SELECT data FROM ${table} WHERE backend_id = ? AND removed_at IS NULL ORDER BY name, id`).all(backendId) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }
}
