import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors.ts';
import { createWizardStore, stepOf } from '../../../renderer/src/stores/wizard.ts';

interface Ctx {
  readonly a: string | null;
  readonly b: string | null;
}

function setup() {
  const undone: string[] = [];
  const store = createWizardStore<Ctx>(['one', 'two', 'three'], { a: null, b: null });
  const action = (step: string, context: Partial<Ctx> = {}) => () =>
    Promise.resolve({ summary: { key: `done.${step}` }, context, undo: () => Promise.resolve(undone.push(step)) });
  return { store, undone, action };
}

describe('wizard store', () => {
  it('runs steps in order, carrying context, and moves on only from a finished step', async () => {
    const { store, action } = setup();
    store.getState().next();
    expect(store.getState().current).toBe(0);
    store.getState().goTo(2);
    expect(store.getState().current).toBe(0);

    expect(await store.getState().run('one', action('one', { a: 'panel' }))).toBe(true);
    expect(stepOf(store.getState(), 'one')).toMatchObject({ status: 'done', summary: { key: 'done.one' }, canUndo: true });
    store.getState().next();
    expect(store.getState().current).toBe(1);
    await store.getState().run('two', action('two', { b: 'group' }));
    expect(store.getState().context).toEqual({ a: 'panel', b: 'group' });
    store.getState().back();
    store.getState().goTo(2);
    expect(store.getState().current).toBe(2);
  });

  it('keeps a refusal on its step and lets it run again', async () => {
    const { store, action } = setup();
    const refused = () => Promise.reject(new ApiError('backend_refused', 'no', { advice: { en: 'Fix it', 'zh-CN': '修正' } }));
    expect(await store.getState().run('one', refused)).toBe(false);
    expect(stepOf(store.getState(), 'one')).toMatchObject({ status: 'failed', error: { code: 'backend_refused', details: { advice: { en: 'Fix it' } } } });
    store.getState().next();
    expect(store.getState().current).toBe(0);
    await store.getState().run('one', action('one'));
    expect(stepOf(store.getState(), 'one')).toMatchObject({ status: 'done', error: null });
  });

  it('undoes only the latest finished step, in reverse order', async () => {
    const { store, undone, action } = setup();
    await store.getState().run('one', action('one'));
    store.getState().next();
    await store.getState().run('two', action('two'));
    expect(await store.getState().undo('one')).toBe(false);
    expect(await store.getState().undo('two')).toBe(true);
    expect(stepOf(store.getState(), 'two')).toMatchObject({ status: 'undone', canUndo: false });
    expect(await store.getState().undo('one')).toBe(true);
    expect(undone).toEqual(['two', 'one']);
    expect(store.getState().current).toBe(0);
  });

  it('has no undo for a step whose API has none, and keeps a failed undo’s error', async () => {
    const { store } = setup();
    await store.getState().run('one', () => Promise.resolve({ summary: { key: 'x' } }));
    expect(stepOf(store.getState(), 'one').canUndo).toBe(false);
    expect(await store.getState().undo('one')).toBe(false);

    store.getState().next();
    await store.getState().run('two', () => Promise.resolve({ summary: { key: 'y' }, undo: () => Promise.reject(new ApiError('backend_refused', 'bound')) }));
    expect(await store.getState().undo('two')).toBe(false);
    expect(stepOf(store.getState(), 'two')).toMatchObject({ status: 'done', error: { code: 'backend_refused' } });
  });

  it('skips a step and counts it as behind the user', () => {
    const { store } = setup();
    store.getState().skip('one');
    expect(stepOf(store.getState(), 'one').status).toBe('skipped');
    expect(store.getState().current).toBe(1);
  });
});
