import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createImportStore } from '../../../renderer/src/stores/imports.ts';
import { ScriptedCore } from './support/scripted-core.ts';

const IMPORT_ID = 'imp_12345678';
const PLAN = {
  importId: IMPORT_ID,
  format: 'csv',
  headers: ['工号', '姓名'],
  planned: 2,
  rejected: 1,
  problems: [{ row: 3, column: { letter: 'B', header: '姓名' }, field: 'name', code: 'name_required', severity: 'error', message: 'The name is empty.' }],
  unmatchedPhotos: [],
  faceCheck: true,
  newPeople: 1,
  updates: [],
  departments: [],
  preview: [{ row: 2, pin: 'P1', name: 'A', photo: 'P1.jpg', existing: null }],
};

function file(name: string, size: number): File {
  return new File([new Uint8Array(size).fill(65)], name);
}

function setup(maxPieceChars = 8) {
  const core = new ScriptedCore()
    .answer('imports.begin', { importId: IMPORT_ID })
    .answer('imports.appendTable', { bytes: 0 })
    .answer('imports.addPhoto', { photos: 1 })
    .answer('imports.plan', PLAN)
    .answer('imports.cancel', { cancelled: true })
    .answer('imports.rejectedCsv', { fileName: 'rejected.csv', base64: 'QQ==' });
  const store = createImportStore(new ApiClient(core), maxPieceChars);
  return { core, store };
}

describe('import store', () => {
  it('uploads the table and each photo in pieces, then plans', async () => {
    const { core, store } = setup(8); // 6 bytes per piece
    const plan = await store.getState().check(1, file('people.csv', 10), [file('P1.jpg', 7), file('P2.jpg', 3)]);
    expect(plan?.planned).toBe(2);
    expect(core.calls.map((c) => c.method)).toEqual(['imports.begin', 'imports.appendTable', 'imports.addPhoto', 'imports.addPhoto', 'imports.addPhoto', 'imports.plan']);
    expect(core.callsOf('imports.begin')[0]).toEqual({ siteId: 1, fileName: 'people.csv', base64: 'QUFBQUFB' });
    expect(core.callsOf('imports.addPhoto').map((c) => [c['fileName'], c['append']])).toEqual([['P1.jpg', false], ['P1.jpg', true], ['P2.jpg', false]]);
    // The face check is on unless the page turns it off.
    expect(core.callsOf('imports.plan')).toEqual([{ importId: IMPORT_ID, faceCheck: true, forcePhoto: false }]);
    const state = store.getState();
    expect(state.phase).toBe('planned');
    expect(state.importId).toBe(IMPORT_ID);
    expect(state.upload).toBeNull();
  });

  it('cancels the upload between pieces and plans nothing', async () => {
    const { core, store } = setup(8);
    core.on('imports.addPhoto', () => {
      store.getState().cancelUpload();
      return { ok: true, output: { photos: 1 } };
    });
    const plan = await store.getState().check(1, file('people.csv', 3), [file('P1.jpg', 20), file('P2.jpg', 3)]);
    expect(plan).toBeNull();
    expect(core.callsOf('imports.addPhoto')).toHaveLength(1);
    expect(core.callsOf('imports.plan')).toHaveLength(0);
    expect(store.getState()).toMatchObject({ phase: 'idle', uploadCancelled: true, plan: null });
  });

  it('keeps a failed call as the error', async () => {
    const { core, store } = setup();
    core.on('imports.plan', () => ({ ok: false, error: { code: 'invalid_input', message: 'table_format' } }));
    expect(await store.getState().check(1, file('people.csv', 3), [])).toBeNull();
    expect(store.getState().error?.code).toBe('invalid_input');
    expect(store.getState().phase).toBe('idle');
  });

  it('runs with the targets, follows the progress of its own import and can cancel', async () => {
    const { core, store } = setup();
    const unwatch = store.getState().watch();
    await store.getState().check(1, file('people.csv', 3), []);
    let finish: (value: Reply) => void = () => {};
    core.on('imports.run', () => new Promise<Reply>((resolve) => (finish = resolve)));
    const running = store.getState().run([{ backendId: 1, accessLevelIds: ['L1'] }]);
    expect(store.getState().phase).toBe('running');
    core.emit('imports.progress', { importId: 'someone_else', phase: 'import', done: 9, total: 9 });
    core.emit('imports.progress', { importId: IMPORT_ID, phase: 'import', done: 1, total: 2 });
    expect(store.getState().progress).toEqual({ done: 1, total: 2 });
    await store.getState().cancelRun();
    expect(core.callsOf('imports.cancel')).toEqual([{ importId: IMPORT_ID }]);
    finish({ ok: true, output: { imported: 1, rejected: 1, cancelled: true } });
    expect(await running).toEqual({ imported: 1, rejected: 1, cancelled: true });
    expect(core.callsOf('imports.run')).toEqual([{ importId: IMPORT_ID, targets: [{ backendId: 1, accessLevelIds: ['L1'] }] }]);
    expect(store.getState()).toMatchObject({ phase: 'done', result: { imported: 1 } });
    unwatch();
    expect(core.listenerCount('imports.progress')).toBe(0);
  });

  it('follows the face check of the dry run, passes the choices, and can cancel it', async () => {
    const { core, store } = setup();
    const unwatch = store.getState().watch();
    let finish: (value: Reply) => void = () => {};
    core.on('imports.plan', () => new Promise<Reply>((resolve) => (finish = resolve)));
    const checking = store.getState().check(1, file('people.csv', 3), [file('P1.jpg', 3)], { faceCheck: true, forcePhoto: true });
    await expect.poll(() => store.getState().phase).toBe('planning');
    expect(core.callsOf('imports.plan')).toEqual([{ importId: IMPORT_ID, faceCheck: true, forcePhoto: true }]);
    core.emit('imports.progress', { importId: IMPORT_ID, phase: 'import', done: 5, total: 9 });
    core.emit('imports.progress', { importId: IMPORT_ID, phase: 'check', done: 1, total: 2 });
    expect(store.getState()).toMatchObject({ checkProgress: { done: 1, total: 2 }, progress: null });
    await store.getState().cancelCheck();
    expect(core.callsOf('imports.cancel')).toEqual([{ importId: IMPORT_ID }]);
    finish({ ok: false, error: { code: 'cancelled', message: 'The check was cancelled.' } });
    expect(await checking).toBeNull();
    expect(store.getState()).toMatchObject({ phase: 'idle', checkCancelled: true, checkProgress: null, error: null, plan: null });
    unwatch();
  });

  it('fetches the rejected rows and the people export', async () => {
    const { core, store } = setup();
    expect(await store.getState().rejectedCsv('en')).toBeNull(); // nothing checked yet
    await store.getState().check(1, file('people.csv', 3), []);
    expect(await store.getState().rejectedCsv('zh-CN')).toEqual({ fileName: 'rejected.csv', base64: 'QQ==' });
    expect(core.callsOf('imports.rejectedCsv')).toEqual([{ importId: IMPORT_ID, lang: 'zh-CN' }]);
    core.answer('people.exportTable', { fileName: 'people.xlsx', base64: 'UEs=' });
    expect(await store.getState().exportTable(1, 'xlsx')).toEqual({ fileName: 'people.xlsx', base64: 'UEs=' });
    expect(core.callsOf('people.exportTable')).toEqual([{ siteId: 1, format: 'xlsx' }]);
    store.getState().reset();
    expect(store.getState()).toMatchObject({ phase: 'idle', importId: null, plan: null, siteId: null });
  });
});
