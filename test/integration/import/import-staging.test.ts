import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { ImportService } from '../../../electron/import/import-service.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { IMPORT_LIMITS } from '../../../shared/rules/import-limits.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** The largest piece the contract takes: 3 MiB of base64, 2.25 MiB of bytes. */
const PIECE = Buffer.alloc((3 * 1024 * 1024 * 3) / 4, 0x41).toString('base64');
const PIECE_BYTES = Buffer.from(PIECE, 'base64').length;

async function setUp(): Promise<{ core: Core; siteId: number; dataDir: string }> {
  const dataDir = tempDir();
  core = createCore({ dataDir, runtime: 'node' });
  const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
  return { core, siteId, dataDir };
}

describe('staged uploads have limits, checked before each piece is written', () => {
  it('refuses the table piece that would pass 16 MB, and keeps no byte of it', async () => {
    const { core, siteId, dataDir } = await setUp();
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: PIECE });
    const fits = Math.floor(IMPORT_LIMITS.tableBytes / PIECE_BYTES);
    for (let i = 1; i < fits; i++) await call(core, 'imports.appendTable', { importId, base64: PIECE });
    const refused = await core.dispatch('imports.appendTable', { importId, base64: PIECE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'table_too_large', details: { limit: IMPORT_LIMITS.tableBytes } } });
    expect(statSync(join(dataDir, 'imports', importId, 'table.csv')).size).toBe(fits * PIECE_BYTES);
  });

  it('refuses a photo that would pass 20 MB, naming it', async () => {
    const { core, siteId, dataDir } = await setUp();
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from('工号,姓名\nP1,张三\n').toString('base64') });
    const fits = Math.floor(IMPORT_LIMITS.photoBytes / PIECE_BYTES);
    for (let i = 0; i < fits; i++) await call(core, 'imports.addPhoto', { importId, fileName: 'P1.jpg', base64: PIECE, append: i > 0 });
    const refused = await core.dispatch('imports.addPhoto', { importId, fileName: 'P1.jpg', base64: PIECE, append: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_photo_too_large', details: { fileName: 'P1.jpg' } } });
    expect(statSync(join(dataDir, 'imports', importId, 'photos', 'P1.jpg')).size).toBe(fits * PIECE_BYTES);
  });

  it('caps the photos and the bytes of one import, and of all imports staged at once', async () => {
    const { core, siteId, dataDir } = await setUp();
    const limits = { tableBytes: 1000, photoBytes: 1000, photos: 3, importBytes: 2500, stagedBytes: 4000 };
    const imports = new ImportService({ dataDir, people: core.people, sites: new SitesTable(core.db), bus: core.bus, departments: core.departments, limits });
    const bytes = (n: number) => Buffer.alloc(n, 0x41).toString('base64');

    const a = imports.begin(siteId, 'a.csv', bytes(500)).importId;
    for (const name of ['1.jpg', '2.jpg', '3.jpg']) expect(imports.addPhoto(a, name, bytes(100), false)).toMatchObject({ photos: expect.any(Number) });
    expect(() => imports.addPhoto(a, '4.jpg', bytes(100), false)).toThrow(expect.objectContaining({ code: 'import_too_many_photos' }));
    // Writing a photo again replaces it: it is not a fourth.
    expect(imports.addPhoto(a, '3.jpg', bytes(950), false)).toEqual({ photos: 3 });
    // 500 + 100 + 100 + 950 = 1,650 bytes: the table may not pass 1,000, a photo 1,000, the import 2,500.
    expect(() => imports.appendTable(a, bytes(1000))).toThrow(expect.objectContaining({ code: 'table_too_large' }));
    expect(() => imports.addPhoto(a, '2.jpg', bytes(950), true)).toThrow(expect.objectContaining({ code: 'import_photo_too_large' }));
    expect(() => imports.addPhoto(a, '1.jpg', bytes(1000), false)).toThrow(expect.objectContaining({ code: 'import_too_large' }));

    // All imports together: 1,650 (a) + 1,000 (b) + 900 (c) + 1,000 more would pass 4,000 — the
    // idle import touched longest ago (a) makes room, and is then unknown.
    const b = imports.begin(siteId, 'b.csv', bytes(1000)).importId;
    const c = imports.begin(siteId, 'c.csv', bytes(900)).importId;
    imports.addPhoto(b, 'x.jpg', bytes(1000), false);
    expect(existsSync(join(dataDir, 'imports', a))).toBe(false);
    expect(() => imports.appendTable(a, bytes(1))).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(readdirSync(join(dataDir, 'imports')).sort()).toEqual([b, c].sort());
    expect(imports.appendTable(c, bytes(10))).toEqual({ bytes: 910 });
  });

  it('refuses a spreadsheet over a limit in the dry run with its own error, not an internal one', async () => {
    const { core, siteId } = await setUp();
    const rows = ['工号,姓名', ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `P${i},工人${i}`)].join('\n');
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from(rows).toString('base64') });
    expect(await core.dispatch('imports.plan', { importId, faceCheck: false })).toMatchObject({ ok: false, error: { code: 'table_too_many_rows', details: { row: 50_002 } } });
    const broken = await call(core, 'imports.begin', { siteId, fileName: 'people.xlsx', base64: Buffer.from('not a zip').toString('base64') });
    expect(await core.dispatch('imports.plan', { importId: broken.importId, faceCheck: false })).toMatchObject({ ok: false, error: { code: 'table_unreadable' } });
  });
});
