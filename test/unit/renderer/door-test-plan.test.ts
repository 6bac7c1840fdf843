import { describe, expect, it } from 'vitest';
import type { DoorTestKind } from '../../../shared/contract/door-tests.ts';
import { checkPlan } from '../../../renderer/src/stores/door-test-plan.ts';
import type { DoorTestForm } from '../../../renderer/src/stores/door-test-setup.ts';
import { inventory } from './support/scripted-core.ts';

const doors = inventory(['a', 'b', 'c']).doors;
const form: DoorTestForm = { test: 'open', openSeconds: '5', timeoutSeconds: '30', personPin: '', installer: ' Li ' };

function check(patch: Partial<DoorTestForm> = {}, selectedDoorIds: readonly string[] = ['c', 'a'], offeredTests: readonly DoorTestKind[] = ['open', 'walk']) {
  return checkPlan({ backendId: 1, doors, selectedDoorIds, form: { ...form, ...patch }, offeredTests });
}

describe('door test plan', () => {
  it('runs the ticked doors in the listed order with the numbers and trimmed name', () => {
    expect(check()).toEqual({
      ok: true,
      plan: { backendId: 1, doors: [{ id: 'a', name: 'Door a' }, { id: 'c', name: 'Door c' }], test: 'open', openSeconds: 5, timeoutSeconds: 30, personPin: undefined, installer: 'Li' },
    });
  });

  it.each([
    [{ openSeconds: '0' }, 'openSeconds', 'openRange'],
    [{ openSeconds: '255' }, 'openSeconds', 'openRange'],
    [{ openSeconds: '2.5' }, 'openSeconds', 'openRange'],
    [{ timeoutSeconds: '' }, 'timeoutSeconds', 'timeoutRange'],
    [{ timeoutSeconds: '601' }, 'timeoutSeconds', 'timeoutRange'],
    [{ test: 'walk' as const, personPin: '  ' }, 'personPin', 'pinRequired'],
    [{ installer: 'x'.repeat(81) }, 'installer', 'installerTooLong'],
    [{ test: 'mode' as const }, 'test', 'notOffered'],
  ])('refuses %j (%s: %s)', (patch, field, key) => {
    const result = check(patch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toMatchObject({ [field]: key });
  });

  it('needs a door', () => {
    const result = check({}, []);
    expect(!result.ok && result.problems.doors).toBe('noDoors');
  });

  it('ignores the open time for other tests and sends the person only on a walk-through', () => {
    const walk = check({ test: 'walk', personPin: ' 1001 ', openSeconds: 'x' });
    expect(walk.ok && walk.plan.personPin).toBe('1001');
    const mode = check({ test: 'mode', personPin: '1001' }, ['a'], ['open', 'mode', 'walk']);
    expect(mode.ok && mode.plan.personPin).toBeUndefined();
  });
});
