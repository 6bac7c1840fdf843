import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { idCheckCharacter } from '../../../shared/rules/id-number.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

describe('imports through the API (what the Import page calls)', () => {
  it('stages the table and photos in pieces, plans, imports with progress, and gives the rejected rows back', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 'T' } })).id;
    const good = '33010619900307123' + idCheckCharacter('33010619900307123');
    const csv = Buffer.from(['工号,姓名,身份证号', `P1,张三,${good}`, 'P2,李四,110105194912310021', 'P3,,', 'P4,王五,'].join('\n'));
    // The table in two pieces, as a large file would come.
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: csv.subarray(0, 20).toString('base64') });
    await call(core, 'imports.appendTable', { importId, base64: csv.subarray(20).toString('base64') });
    const photo = makeJpegHeader(480, 640, 6_000);
    await call(core, 'imports.addPhoto', { importId, fileName: 'P1.jpg', base64: photo.subarray(0, 3000).toString('base64') });
    await call(core, 'imports.addPhoto', { importId, fileName: 'P1.jpg', base64: photo.subarray(3000).toString('base64'), append: true });
    // A name with a path is refused at the boundary: only a file name finds its row.
    expect(await core.dispatch('imports.addPhoto', { importId, fileName: '../../etc/P4.jpg', base64: photo.toString('base64') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(core, 'imports.addPhoto', { importId, fileName: 'P4.JPG', base64: photo.toString('base64') })).toEqual({ photos: 2 });

    // Made-up photo headers: the header checks only (the face check: face-check-import.test.ts).
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan).toMatchObject({ planned: 2, rejected: 2, preview: [{ pin: 'P1', photo: 'P1.jpg' }, { pin: 'P4', photo: 'P4.JPG' }] });
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column?.letter, p.code])).toEqual([
      [3, 'C', 'id_number_invalid'],
      [4, 'B', 'person_name_required'],
    ]);

    const progress: number[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'imports.progress') progress.push((payload as { done: number }).done);
    });
    expect(await call(core, 'imports.run', { importId, targets: [{ backendId }] })).toEqual({ imported: 2, rejected: 2, cancelled: false });
    expect(progress.at(-1)).toBe(2);
    expect((await call(core, 'outbox.list', { siteId })).entries.map((e) => e.pin)).toEqual(['P1', 'P4']);

    const rejected = Buffer.from((await call(core, 'imports.rejectedCsv', { importId, lang: 'zh-CN' })).base64, 'base64').toString('utf8');
    expect(rejected).toContain('110105194912310021');
    expect(rejected).toContain('不是有效的 18 位身份证号码');
    const exported = Buffer.from((await call(core, 'people.exportTable', { siteId, format: 'csv' })).base64, 'base64').toString('utf8');
    expect(exported).toContain('张三');
  });

  it('refuses a file that is not a table, and an unknown import', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    expect(await core.dispatch('imports.begin', { siteId, fileName: 'people.pdf', base64: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('imports.plan', { importId: 'nonexistent-import' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
