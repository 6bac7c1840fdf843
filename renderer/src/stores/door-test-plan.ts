import type { BackendId, Door } from '../../../shared/contract/backends.ts';
import type { DoorTestKind } from '../../../shared/contract/door-tests.ts';
import type { DoorTestForm } from './door-test-setup.ts';

/** One batch of tests, checked and ready for `doorTests.run`: the doors run one after another. */
export interface DoorTestPlan {
  readonly backendId: BackendId;
  readonly doors: readonly { readonly id: string; readonly name: string }[];
  readonly test: DoorTestKind;
  readonly openSeconds: number;
  readonly timeoutSeconds: number;
  readonly personPin: string | undefined;
  readonly installer: string;
}

/** Fields of the form that can be wrong, and the catalog key (under doorTests.validation) saying why. */
type PlanField = 'doors' | 'openSeconds' | 'timeoutSeconds' | 'personPin' | 'installer' | 'test';
export type PlanProblems = Partial<Record<PlanField, string>>;

type PlanCheck = { readonly ok: true; readonly plan: DoorTestPlan } | { readonly ok: false; readonly problems: PlanProblems };

/** The same limits as RunDoorTestSchema, so a plan that passes here is never refused as input. */
const LIMITS = { openSeconds: [1, 254], timeoutSeconds: [1, 600] } as const;

function wholeSeconds(text: string, [min, max]: readonly [number, number]): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * Checks what the user entered. Doors run in the inventory's order (as listed on screen), not in
 * the order they were ticked. `offeredTests` are the tests the backend's capabilities allow
 * (shared/rules/door-test-offers.ts); another one is refused.
 */
export function checkPlan(input: {
  readonly backendId: BackendId | null;
  readonly doors: readonly Door[];
  readonly selectedDoorIds: readonly string[];
  readonly form: DoorTestForm;
  readonly offeredTests: readonly DoorTestKind[];
}): PlanCheck {
  const { form } = input;
  const problems: PlanProblems = {};
  const selected = new Set(input.selectedDoorIds);
  const doors = input.doors.filter((door) => selected.has(door.id)).map((door) => ({ id: door.id, name: door.name }));
  if (doors.length === 0) problems.doors = 'noDoors';
  const openSeconds = wholeSeconds(form.openSeconds, LIMITS.openSeconds);
  if (form.test === 'open' && openSeconds === null) problems.openSeconds = 'openRange';
  const timeoutSeconds = wholeSeconds(form.timeoutSeconds, LIMITS.timeoutSeconds);
  if (timeoutSeconds === null) problems.timeoutSeconds = 'timeoutRange';
  const personPin = form.personPin.trim();
  if (form.test === 'walk' && personPin === '') problems.personPin = 'pinRequired';
  else if (personPin.length > 64) problems.personPin = 'pinTooLong';
  const installer = form.installer.trim();
  if (installer.length > 80) problems.installer = 'installerTooLong';
  if (!input.offeredTests.includes(form.test)) problems.test = 'notOffered';

  if (input.backendId === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      backendId: input.backendId,
      doors,
      test: form.test,
      openSeconds: openSeconds ?? 5,
      timeoutSeconds: timeoutSeconds ?? 30,
      personPin: form.test === 'walk' ? personPin : undefined,
      installer,
    },
  };
}
