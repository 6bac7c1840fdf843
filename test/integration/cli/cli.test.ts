import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { latestVersion } from '../../../electron/store/migrate.ts';
import { migrations } from '../../../electron/store/migrations/index.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const LATEST = latestVersion(migrations);

const tempDir = useTempDirs();

function json(stdout: string): unknown {
  return JSON.parse(stdout);
}

describe('CLI', () => {
  it('prints the app and schema version as JSON without touching a data folder', () => {
    const dataDir = join(tempDir(), 'never-created');
    const run = runCliProcess(['version', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({ name: 'Doorman', version: pkg.version, schemaVersion: LATEST });
    expect(() => readFileSync(join(dataDir, 'doorman.db'))).toThrow();
  });

  it('adds, lists, renames, selects and removes sites', () => {
    const dir = ['--data-dir', tempDir()];
    const added = runCliProcess(['sites', 'add', 'Demo', '--json', ...dir]);
    expect(added.code).toBe(0);
    const site = json(added.stdout) as { id: number; name: string };
    expect(site).toMatchObject({ id: 1, name: 'Demo' });
    expect(runCliProcess(['sites', 'add', 'Block', '3', ...dir]).stdout.trim()).toBe('Added site 2: Block 3');
    expect(json(runCliProcess(['sites', 'list', '--json', ...dir]).stdout)).toMatchObject({
      sites: [{ id: 1, name: 'Demo' }, { id: 2, name: 'Block 3' }],
      currentSiteId: null,
    });
    expect(runCliProcess(['sites', 'rename', '1', 'Demo North', ...dir]).code).toBe(0);
    expect(runCliProcess(['sites', 'select', '2', ...dir]).code).toBe(0);
    expect(runCliProcess(['sites', 'list', ...dir]).stdout).toMatch(/^ {2}1\tDemo North\t.*\n\* 2\tBlock 3\t/);
    expect(runCliProcess(['sites', 'remove', '2', '--json', ...dir]).stdout).toContain('"id": 2');
    expect(json(runCliProcess(['sites', 'list', '--json', ...dir]).stdout)).toMatchObject({ sites: [{ name: 'Demo North' }], currentSiteId: null });
  });

  it('honours DOORMAN_DATA_DIR', () => {
    const dataDir = tempDir();
    runCliProcess(['sites', 'add', 'FromEnv'], { DOORMAN_DATA_DIR: dataDir });
    expect(runCliProcess(['sites', 'list', '--data-dir', dataDir]).stdout).toContain('FromEnv');
  });

  it('exits 1 with a localized message, and JSON on stdout only with --json', () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'Demo', ...dir]);
    const en = runCliProcess(['sites', 'add', 'demo', ...dir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('A site named "Demo" already exists. Choose another name.');
    const zh = runCliProcess(['sites', 'add', 'demo', '--lang', 'zh-CN', '--json', ...dir]);
    expect(zh.code).toBe(1);
    expect(json(zh.stdout)).toMatchObject({ error: { code: 'site_name_taken', message: '已有名为“Demo”的工地，请换一个名称。' } });
    expect(runCliProcess(['sites', 'remove', '99', ...dir], { LANG: 'zh_CN.UTF-8' }).stderr).toContain('该工地已不存在');
  });

  it('exits 2 on usage mistakes', () => {
    const dir = ['--data-dir', tempDir()];
    for (const args of [[], ['frobnicate'], ['sites', 'rename', 'x', 'y'], ['sites', 'add'], ['db'], ['--bogus'], ['--lang', 'fr', 'version']]) {
      const run = runCliProcess([...args, ...dir]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr + run.stdout).toContain('Usage');
    }
    expect(runCliProcess(['--help']).code).toBe(0);
  });

  it('reports the database status', () => {
    const dataDir = tempDir();
    const run = runCliProcess(['db', 'status', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({
      path: join(dataDir, 'doorman.db'),
      schemaVersion: LATEST,
      latestSchemaVersion: LATEST,
      journalMode: 'wal',
      foreignKeys: true,
      migrations: migrations.map((m) => ({ version: m.version, name: m.name })),
    });
  });

  it('never replaces an existing empty, random or truncated database: exit 1, the file kept byte for byte', () => {
    const made = tempDir();
    expect(runCliProcess(['sites', 'add', 'Block 3', '--data-dir', made]).code).toBe(0);
    const sound = readFileSync(join(made, 'doorman.db'));
    const cases: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['not_sqlite', randomBytes(32 * 1024)],
      ['truncated', sound.subarray(0, Math.floor(sound.length / 2))],
    ];
    for (const [problem, bytes] of cases) {
      const dataDir = tempDir();
      const file = join(dataDir, 'doorman.db');
      writeFileSync(file, bytes);
      const add = runCliProcess(['sites', 'add', 'New', '--data-dir', dataDir]);
      expect(add.code, problem).toBe(1);
      expect(add.stderr).toContain(file);
      expect(add.stderr).toContain('Restore it from a backup');
      const zh = runCliProcess(['sites', 'list', '--json', '--lang', 'zh-CN', '--data-dir', dataDir]);
      expect(zh.code, problem).toBe(1);
      expect(json(zh.stdout)).toMatchObject({ error: { code: 'store_corrupt', details: { path: file, problem } } });
      expect(zh.stderr).toContain('请从备份恢复');
      expect(readFileSync(file).equals(bytes), `${problem}: the file is kept`).toBe(true);
    }
    // A store Doorman made, emptied later, is no new store either.
    truncateSync(join(made, 'doorman.db'), 0);
    expect(runCliProcess(['sites', 'list', '--data-dir', made]).code).toBe(1);
    expect(readFileSync(join(made, 'doorman.db')).length).toBe(0);
  }, 60_000);

  it('names the file of a corrupt or too-new database', () => {
    const corrupt = tempDir();
    writeFileSync(join(corrupt, 'doorman.db'), 'garbage'.repeat(1000));
    const bad = runCliProcess(['sites', 'list', '--data-dir', corrupt]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(join(corrupt, 'doorman.db'));
    expect(bad.stderr).toContain('Restore it from a backup');

    const newer = tempDir();
    const db = new BetterSqlite3(join(newer, 'doorman.db'));
    db.pragma('user_version = 7');
    db.close();
    const refused = runCliProcess(['sites', 'list', '--json', '--data-dir', newer]);
    expect(refused.code).toBe(1);
    expect(json(refused.stdout)).toMatchObject({ error: { code: 'store_too_new', details: { found: 7, supported: LATEST } } });
  });
});
