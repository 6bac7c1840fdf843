import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Site, SitesState } from '../../../shared/contract/sites.ts';
import { openStore } from '../../../electron/store/database.ts';
import { migrations } from '../../../electron/store/migrations/index.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const T = '2026-03-01T08:00:00.000Z';

/** A database as schema 10 (the version before) left it: two sites, no time zone column. */
function schema10Database(dataDir: string): void {
  const { db } = openStore(join(dataDir, 'doorman.db'), migrations.slice(0, 10));
  const site = db.prepare(`INSERT INTO sites (id, name, name_key, address, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?)`);
  site.run(1, 'Block 3', 'block 3', T, T);
  site.run(2, 'Depot', 'depot', T, T);
  db.close();
}

describe('upgrading a database from schema 10 (migration 011: a time zone per site, issue 12 item 9)', () => {
  it('gives the sites it finds the zone of the computer that opens it, once: later runs elsewhere keep it', () => {
    const dataDir = tempDir();
    schema10Database(dataDir);
    const dir = ['--data-dir', dataDir];

    const status = runCliProcess(['db', 'status', '--json', ...dir], { TZ: 'America/Sao_Paulo' });
    expect(status.code, status.stderr).toBe(0);
    const first = JSON.parse(runCliProcess(['sites', 'list', '--json', ...dir], { TZ: 'America/Sao_Paulo' }).stdout) as SitesState;
    expect(first.sites.map((s) => [s.name, s.timeZone])).toEqual([
      ['Block 3', 'America/Sao_Paulo'],
      ['Depot', 'America/Sao_Paulo'],
    ]);

    // The data folder opened on a laptop in another zone: the sites keep theirs; a new site gets the laptop's.
    const added = runCliProcess(['sites', 'add', 'Annex', '--json', ...dir], { TZ: 'Asia/Shanghai' });
    expect((JSON.parse(added.stdout) as Site).timeZone).toBe('Asia/Shanghai');
    const later = JSON.parse(runCliProcess(['sites', 'list', '--json', ...dir], { TZ: 'Asia/Shanghai' }).stdout) as SitesState;
    expect(later.sites.map((s) => s.timeZone)).toEqual(['America/Sao_Paulo', 'America/Sao_Paulo', 'Asia/Shanghai']);
  });
});
