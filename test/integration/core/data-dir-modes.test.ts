import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core.ts';
import { FaceFiles } from '../../../electron/people/face-files.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const posix = process.platform !== 'win32';

/** Every file and folder under `dir` (not following links) with its permission bits, by relative path. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      out[relative(dir, path)] = (lstatSync(path).mode & 0o777).toString(8);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out;
}

/** Loosens everything under `dir` the way an old Doorman, a copy or a umask of 022 leaves it. */
function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isSymbolicLink()) continue;
      chmodSync(path, entry.isDirectory() ? 0o755 : 0o644);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
}

/**
 * A data folder as a site laptop has it after a while: the store, the key, logs, faces, a staged
 * import; plus, while another Doorman (the app) has the store open, its -wal and -shm.
 */
async function usedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const core = createCore({ dataDir, runtime: 'node' });
  core.sites.create('Block 3');
  new FaceFiles(dataDir).put(Buffer.from('a face'));
  mkdirSync(join(dataDir, 'imports', 'abc', 'photos'), { recursive: true });
  writeFileSync(join(dataDir, 'imports', 'abc', 'table.csv'), 'pin,name\nW1,张三\n');
  writeFileSync(join(dataDir, 'imports', 'abc', 'photos', 'W1.jpg'), 'jpeg');
  core.log.info('written');
  await core.close();
  return dataDir;
}

describe.runIf(posix)('the data folder is this user’s only, on every open', () => {
  it('tightens a folder made 0755 with 0644 files: the folder and every file that holds personal data', async () => {
    const dataDir = await usedDataDir();
    const app = new BetterSqlite3(join(dataDir, 'doorman.db'));
    app.prepare('SELECT count(*) FROM sites').get();
    loosen(dataDir);
    expect(modes(dataDir)['doorman.db-wal']).toBe('644');

    const core = createCore({ dataDir, runtime: 'node' });
    await core.close();
    app.close();

    const seen = modes(dataDir);
    for (const name of ['doorman.db', 'secret.key', 'logs/doorman.log', 'imports/abc/table.csv', 'imports/abc/photos/W1.jpg']) expect(seen[name], name).toBe('600');
    for (const name of ['.', 'logs', 'faces', 'imports', 'imports/abc', 'imports/abc/photos']) expect(seen[name], name).toBe('700');
    const faces = Object.entries(seen).filter(([name]) => name.startsWith('faces/'));
    expect(faces.length).toBeGreaterThanOrEqual(2);
    for (const [name, mode] of faces) expect(mode, name).toBe(name.endsWith('.img') ? '600' : '700');
  });

  it('tightens the store’s -wal and -shm while another Doorman holds them open', async () => {
    const dataDir = await usedDataDir();
    const app = new BetterSqlite3(join(dataDir, 'doorman.db'));
    app.prepare('SELECT count(*) FROM sites').get();
    loosen(dataDir);
    const core = createCore({ dataDir, runtime: 'node' });
    const seen = modes(dataDir);
    await core.close();
    app.close();
    expect(seen['doorman.db-wal']).toBe('600');
    expect(seen['doorman.db-shm']).toBe('600');
  });

  it('does the same through the CLI', async () => {
    const dataDir = await usedDataDir();
    loosen(dataDir);
    expect(runCliProcess(['sites', 'list', '--data-dir', dataDir]).code).toBe(0);
    const seen = modes(dataDir);
    expect(seen['.']).toBe('700');
    for (const [name, mode] of Object.entries(seen)) expect(mode, name).toMatch(/^(600|700)$/);
  });

  it('creates what it adds owner-only: a new folder, store, key, log and face file', async () => {
    const dataDir = join(tempDir(), 'new');
    const core = createCore({ dataDir, runtime: 'node' });
    new FaceFiles(dataDir).put(Buffer.from('another face'));
    core.log.info('written');
    const seen = modes(dataDir);
    await core.close();
    for (const [name, mode] of Object.entries(seen)) expect(mode, name).toMatch(/^(600|700)$/);
  });

  it('leaves alone what is not Doorman’s in a folder it shares, and never follows a link out of it', async () => {
    const dataDir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'elsewhere.txt'), 'not ours');
    chmodSync(join(outside, 'elsewhere.txt'), 0o644);
    writeFileSync(join(dataDir, 'notes.txt'), 'the user’s own file');
    chmodSync(join(dataDir, 'notes.txt'), 0o644);
    mkdirSync(join(dataDir, 'logs'));
    symlinkSync(join(outside, 'elsewhere.txt'), join(dataDir, 'logs', 'link.txt'));
    const core = createCore({ dataDir, runtime: 'node' });
    await core.close();
    expect(modes(dataDir)['notes.txt']).toBe('644');
    expect(modes(outside)['elsewhere.txt']).toBe('644');
  });
});
