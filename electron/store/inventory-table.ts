import type { Database } from 'better-sqlite3';
import type { AccessLevel, BackendId, Department, Device, Door, Inventory, InventoryPart, Reader } from '../../shared/contract/backends.ts';
import { LIST_LIMITS } from '../../shared/rules/list-limits.ts';
import type { InventoryTable as InventoryTableName } from './migrations/002-backends.ts';

interface Item {
  readonly id: string;
  readonly name: string;
}

/** The parts of an inventory, as read from a backend. */
export type InventoryParts = Pick<Inventory, InventoryPart>;

const TABLE_OF: Readonly<Record<InventoryPart, InventoryTableName>> = {
  devices: 'devices',
  doors: 'doors',
  readers: 'readers',
  accessLevels: 'access_levels',
  departments: 'departments',
};

/** A part with more rows than the store keeps (shared/rules/list-limits.ts); nothing of it is written. */
class InventoryTooLargeError extends Error {
  readonly code = 'inventory_too_large';
  readonly part: InventoryPart;
  readonly rows: number;

  constructor(part: InventoryPart, rows: number) {
    super(`The ${part} list has ${rows.toLocaleString('en')} rows; the store keeps at most ${LIST_LIMITS.maxRows.toLocaleString('en')}.`);
    this.name = 'InventoryTooLargeError';
    this.part = part;
    this.rows = rows;
  }
}

/** The backend's devices, doors, readers, levels and departments as last read, kept for offline use. */
export class InventoryTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Replaces the parts given with what the backend lists now, in one transaction; items gone from
   * a part are marked removed. Parts not given (not read, or failed) keep what was stored. A part
   * over the row limit is refused whole: nothing is written.
   */
  save(backendId: BackendId, parts: Partial<InventoryParts>, refreshedAt: string): void {
    const given = (Object.keys(TABLE_OF) as InventoryPart[]).flatMap((part) => {
      const items = parts[part];
      return items ? [[part, items] as const] : [];
    });
    for (const [part, items] of given) if (items.length > LIST_LIMITS.maxRows) throw new InventoryTooLargeError(part, items.length);
    if (given.length === 0) return;
    this.db.transaction(() => {
      for (const [part, items] of given) this.saveKind(backendId, TABLE_OF[part], items, refreshedAt);
      this.db.prepare('UPDATE backends SET inventory_at = ? WHERE id = ?').run(refreshedAt, backendId);
    })();
  }

  load(backendId: BackendId): Inventory | null {
    const row = this.db.prepare('SELECT inventory_at FROM backends WHERE id = ?').get(backendId) as { inventory_at: string | null } | undefined;
    if (!row?.inventory_at) return null;
    return {
      devices: this.loadKind<Device>(backendId, TABLE_OF.devices),
      doors: this.loadKind<Door>(backendId, TABLE_OF.doors),
      readers: this.loadKind<Reader>(backendId, TABLE_OF.readers),
      accessLevels: this.loadKind<AccessLevel>(backendId, TABLE_OF.accessLevels),
      departments: this.loadKind<Department>(backendId, TABLE_OF.departments),
      refreshedAt: row.inventory_at,
    };
  }

  private saveKind(backendId: BackendId, table: InventoryTableName, items: readonly Item[], now: string): void {
    const upsert = this.db.prepare(
      `INSERT INTO ${table} (backend_id, remote_id, name, data, seen_at, removed_at) VALUES (?, ?, ?, ?, ?, NULL)
       ON CONFLICT (backend_id, remote_id) DO UPDATE SET name = excluded.name, data = excluded.data, seen_at = excluded.seen_at, removed_at = NULL`,
    );
    for (const item of items) upsert.run(backendId, item.id, item.name, JSON.stringify(item), now);
    this.db.prepare(`UPDATE ${table} SET removed_at = ? WHERE backend_id = ? AND seen_at <> ? AND removed_at IS NULL`).run(now, backendId, now);
  }

  private loadKind<T>(backendId: BackendId, table: InventoryTableName): T[] {
    const rows = this.db.prepare(`SELECT data FROM ${table} WHERE backend_id = ? AND removed_at IS NULL ORDER BY name, id`).all(backendId) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }
}
