import type { Database } from 'better-sqlite3';
import { AlarmSettingsSchema, DEFAULT_ALARM_SETTINGS, type AlarmSettings } from '../../shared/contract/alarms.ts';

/** The guard room's settings (migration 016 `guard_settings`): the guard on duty, the repeated-denials rule. */
export class GuardSettingsTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(): AlarmSettings {
    const rows = this.db.prepare('SELECT key, value FROM guard_settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const { key, value } of rows) {
      try {
        stored[key] = JSON.parse(value) as unknown;
      } catch {
        // A value this version cannot read falls back to its default.
      }
    }
    const parsed = AlarmSettingsSchema.safeParse({ ...DEFAULT_ALARM_SETTINGS, ...stored });
    return parsed.success ? parsed.data : DEFAULT_ALARM_SETTINGS;
  }

  set(changes: { readonly [K in keyof AlarmSettings]?: AlarmSettings[K] | undefined }): AlarmSettings {
    const put = this.db.prepare('INSERT INTO guard_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) if (value !== undefined) put.run(key, JSON.stringify(value));
    })();
    return this.get();
  }
}
