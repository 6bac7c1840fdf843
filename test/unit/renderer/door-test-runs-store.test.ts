import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import type { DoorTestPlan } from '../../../renderer/src/stores/door-test-plan.ts';
import { createDoorTestRunsStore } from '../../../renderer/src/stores/door-test-runs.ts';
import { result, ScriptedCore, step } from './support/scripted-core.ts';

function plan(doorIds: readonly string[], patch: Partial<DoorTestPlan> = {}): DoorTestPlan {
  return { backendId: 1, doors: doorIds.map((id) => ({ id, name: `Door ${id}` })), test: 'open', openSeconds: 5, timeoutSeconds: 30, personPin: undefined, installer: 'Li', ...patch };
}

/** A core whose doorTests.run answers only when the test says so, one pending run at a time. */
function heldCore() {
  const core = new ScriptedCore();
  const pending: { input: Record<string, unknown>; settle: (reply: Reply) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  core.on('doorTests.run', (input) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<Reply>((resolve) => {
      pending.push({
        input,
        settle: (reply) => {
          inFlight--;
          resolve(reply);
        },
      });
    });
  });
  core.answer('doorTests.cancel', { cancelled: true });
  const next = async () => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
    return pending.shift()!;
  };
  return { core, next, maxInFlight: () => maxInFlight };
}

let ids = 0;
const options = { newRunId: () => `run-${String(++ids).padStart(4, '0')}` };

afterEach(() => {
  vi.useRealTimers();
});

describe('door test runs store', () => {
  it('tests the doors one after another, each with its own run id and the plan’s settings', async () => {
    const { core, next, maxInFlight } = heldCore();
    const store = createDoorTestRunsStore(new ApiClient(core), options);
    const running = store.getState().run(plan(['a', 'b'], { personPin: undefined }));
    expect(store.getState().batch).toMatchObject({ total: 2, done: 0, state: 'running' });

    const first = await next();
    expect(first.input).toMatchObject({ backendId: 1, doorId: 'a', test: 'open', openSeconds: 5, timeoutSeconds: 30, installer: 'Li' });
    expect(first.input).not.toHaveProperty('personPin');
    expect(store.getState().batch?.current).toMatchObject({ doorId: 'a', runId: first.input['runId'] });
    first.settle({ ok: true, output: result({ runId: String(first.input['runId']), doorId: 'a' }) });

    const second = await next();
    expect(second.input['runId']).not.toBe(first.input['runId']);
    expect(store.getState().batch).toMatchObject({ done: 1, current: { doorId: 'b' } });
    second.settle({ ok: true, output: result({ runId: String(second.input['runId']), doorId: 'b', verdict: 'timeout' }) });
    await running;

    expect(maxInFlight()).toBe(1);
    expect(store.getState().batch).toMatchObject({ total: 2, done: 2, state: 'finished', current: null, failures: [] });
    // Newest first.
    expect(store.getState().results?.map((r) => r.doorId)).toEqual(['b', 'a']);
  });

  it('shows the steps of the current run only, and stops listening when the batch ends', async () => {
    const { core, next } = heldCore();
    const store = createDoorTestRunsStore(new ApiClient(core), options);
    const running = store.getState().run(plan(['a']));
    const run = await next();
    const runId = String(run.input['runId']);
    core.emit('doorTests.progress', { runId, step: step(0, 'sending') });
    core.emit('doorTests.progress', { runId: 'someone-elses-run', step: step(5) });
    core.emit('doorTests.progress', { runId, step: step(12, 'waiting') });
    expect(store.getState().liveSteps.map((s) => [s.ms, s.key])).toEqual([[0, 'sending'], [12, 'waiting']]);
    run.settle({ ok: true, output: result({ runId, doorId: 'a' }) });
    await running;
    expect(core.listenerCount('doorTests.progress')).toBe(0);
  });

  it('cancels the door being tested and skips the rest', async () => {
    const { core, next } = heldCore();
    const store = createDoorTestRunsStore(new ApiClient(core), options);
    const running = store.getState().run(plan(['a', 'b', 'c']));
    const first = await next();
    await store.getState().cancel();
    expect(core.callsOf('doorTests.cancel')).toEqual([{ runId: first.input['runId'] }]);
    expect(store.getState().cancelling).toBe(true);
    first.settle({ ok: true, output: result({ runId: String(first.input['runId']), doorId: 'a', verdict: 'cancelled' }) });
    await running;
    expect(core.callsOf('doorTests.run')).toHaveLength(1);
    expect(store.getState().batch).toMatchObject({ total: 3, done: 1, state: 'cancelled' });
    expect(store.getState().cancelling).toBe(false);
  });

  it('keeps a refused run as a failure with its typed error and goes on with the next door', async () => {
    const core = new ScriptedCore();
    core.on('doorTests.run', (input) =>
      input['doorId'] === 'a'
        ? { ok: false, error: { code: 'backend_unreachable', message: 'refused', details: { reason: 'ECONNREFUSED' } } }
        : { ok: true, output: result({ runId: String(input['runId']), doorId: 'b' }) },
    );
    const store = createDoorTestRunsStore(new ApiClient(core), options);
    await store.getState().run(plan(['a', 'b']));
    expect(store.getState().batch?.failures).toEqual([{ doorId: 'a', doorName: 'Door a', error: { code: 'backend_unreachable', message: 'refused', details: { reason: 'ECONNREFUSED' } } }]);
    expect(store.getState().batch).toMatchObject({ done: 2, state: 'finished' });
    expect(store.getState().results?.map((r) => r.doorId)).toEqual(['b']);
  });

  it('gives up on a core that never answers: a timeout failure, and the run is cancelled', async () => {
    vi.useFakeTimers();
    const core = new ScriptedCore();
    core.on('doorTests.run', () => new Promise<Reply>(() => {}));
    core.answer('doorTests.cancel', { cancelled: true });
    const store = createDoorTestRunsStore(new ApiClient(core), { ...options, graceMs: 1_000 });
    const running = store.getState().run(plan(['a'], { timeoutSeconds: 2, openSeconds: 1 }));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(store.getState().batch?.state).toBe('running');
    await vi.advanceTimersByTimeAsync(1);
    await running;
    expect(store.getState().batch?.failures[0]?.error.code).toBe('timeout');
    expect(core.callsOf('doorTests.cancel')).toHaveLength(1);
  });

  it('lists the site’s results newest first, keeping those a batch added meanwhile', async () => {
    const core = new ScriptedCore();
    const older = result({ runId: 'old-run-1', doorId: 'x', startedAt: '2026-01-01T00:00:00.000Z' });
    const newer = result({ runId: 'new-run-1', doorId: 'y', startedAt: '2026-02-01T00:00:00.000Z' });
    core.answer('doorTests.list', { results: [older] });
    core.on('doorTests.run', () => ({ ok: true, output: newer }));
    const store = createDoorTestRunsStore(new ApiClient(core), options);
    await store.getState().loadResults(1);
    await store.getState().run(plan(['y']));
    await store.getState().loadResults(1);
    expect(store.getState().results?.map((r) => r.runId)).toEqual(['new-run-1', 'old-run-1']);
    expect(core.callsOf('doorTests.list')).toEqual([{ siteId: 1 }, { siteId: 1 }]);
  });

  it('forgets the previous site’s results when another site is loaded', async () => {
    const core = new ScriptedCore();
    core.on('doorTests.list', (input) => ({ ok: true, output: { results: input['siteId'] === 1 ? [result({ runId: 'site-1-run', doorId: 'a' })] : [] } }));
    const store = createDoorTestRunsStore(new ApiClient(core), options);
    await store.getState().loadResults(1);
    expect(store.getState().results).toHaveLength(1);
    await store.getState().loadResults(2);
    expect(store.getState().results).toEqual([]);
  });
});
