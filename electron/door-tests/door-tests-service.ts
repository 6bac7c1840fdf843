import type { z } from 'zod';
import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { DoorTestResult, DoorTestStep, DoorTestVerdict, RunDoorTestSchema } from '../../shared/contract/door-tests.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { whyNotOffered } from '../../shared/rules/door-test-offers.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import { DriverError, deadlinePassed, type LocalizedText } from '../drivers/driver-error.ts';
import type { Logger } from '../log/logger.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { BackendDriver } from '../backends/backend.ts';
import type { DoorTestsTable } from '../store/door-tests-table.ts';
import type { InventoryTable } from '../store/inventory-table.ts';
import { waitForEvent } from './event-waiter.ts';
import { STEP_TEXT } from './step-text.ts';

type RunInput = z.output<typeof RunDoorTestSchema>;

interface Outcome {
  readonly verdict: DoorTestVerdict;
  readonly latencyMs: number | null;
  readonly message: string;
  readonly advice: LocalizedText | null;
  readonly event: AccessEvent | null;
}

/**
 * Door tests through the common BackendDriver interface, so every vendor appears here without new
 * code: remote open (command → the backend's own event for that door, latency measured), door mode
 * where the API has it, walk-through (a person's recognition event at that door). Every run ends in
 * a stored verdict — pass, fail, timeout, unsupported, error or cancelled — with its evidence.
 */
export class DoorTestsService {
  private readonly running = new Map<string, AbortController>();
  private readonly backends: BackendsService;
  private readonly inventory: InventoryTable;
  private readonly store: DoorTestsTable;
  private readonly bus: EventBus;
  private readonly log: Logger;

  constructor(deps: { backends: BackendsService; inventory: InventoryTable; store: DoorTestsTable; bus: EventBus; log: Logger }) {
    this.backends = deps.backends;
    this.inventory = deps.inventory;
    this.store = deps.store;
    this.bus = deps.bus;
    this.log = deps.log;
  }

  list(siteId: SiteId, backendId?: BackendId): DoorTestResult[] {
    return this.store.list(siteId, backendId);
  }

  cancel(runId: string): { cancelled: boolean } {
    const run = this.running.get(runId);
    run?.abort();
    return { cancelled: run !== undefined };
  }

  async run(input: RunInput): Promise<DoorTestResult> {
    if (this.running.has(input.runId)) throw new ApiError('invalid_input', `Run ${input.runId} is already running.`, { runId: input.runId });
    if (input.test === 'walk' && !input.personPin) {
      throw new ApiError('invalid_input', 'A walk-through test needs the person’s personnel number.', { issues: [{ path: ['personPin'], code: 'custom', message: 'person_required' }] });
    }
    const backend = this.backends.get(input.backendId);
    const driver = await this.backends.driverOf(input.backendId);
    if (input.test === 'walk' && input.personPin) await refuseUnknownPerson(driver, backend.name, input.personPin);
    const doorName = this.inventory.load(input.backendId)?.doors.find((d) => d.id === input.doorId)?.name ?? input.doorId;
    // Two reasons to stop, kept apart: the user cancelling (`cancelled`) and the test's time running
    // out with the backend still silent (`timeout`). The calls see one signal; its reason says which.
    const cancel = new AbortController();
    const overdue = new AbortController();
    const signal = AbortSignal.any([cancel.signal, overdue.signal]);
    this.running.set(input.runId, cancel);
    const startedAt = new Date();
    const t0 = performance.now();
    const steps: DoorTestStep[] = [];
    const step = (key: keyof typeof STEP_TEXT, params: Record<string, string | number> = {}) => {
      const entry: DoorTestStep = { at: new Date().toISOString(), ms: Math.round(performance.now() - t0), key, params, what: STEP_TEXT[key](params) };
      steps.push(entry);
      this.bus.emit('doorTests.progress', { runId: input.runId, step: entry });
    };
    // Events a running push receiver stores meanwhile count as well as the polls.
    const pushed: AccessEvent[] = [];
    const stopListening = this.bus.listen((event, payload) => {
      if (event === 'events.received' && (payload as { backendId: number }).backendId === input.backendId) {
        pushed.push(...(payload as { events: AccessEvent[] }).events);
      }
    });
    const deadline = Date.now() + input.timeoutSeconds * 1000;
    // The event has `timeoutSeconds`; a command or poll still unanswered 2 s after that is given up.
    const hardStop = input.timeoutSeconds + 2;
    const timer = setTimeout(() => overdue.abort(deadlinePassed(`within the door test's ${hardStop} s`)), hardStop * 1000);
    const cancelled = () => cancel.signal.aborted;
    let outcome: Outcome;
    try {
      outcome = await this.execute(input, driver, doorName, { signal, cancelled, deadline, t0, step, pushed: () => pushed });
    } catch (error) {
      outcome = failureOutcome(error, cancelled());
      step(outcome.verdict === 'cancelled' ? 'cancelled' : outcome.verdict === 'timeout' ? 'noAnswer' : 'failed', { reason: outcome.message });
    } finally {
      clearTimeout(timer);
      stopListening();
      this.running.delete(input.runId);
    }
    const result = this.store.add({
      runId: input.runId,
      siteId: backend.siteId,
      backendId: input.backendId,
      vendor: backend.vendor,
      doorId: input.doorId,
      doorName,
      test: input.test,
      verdict: outcome.verdict,
      latencyMs: outcome.latencyMs,
      message: outcome.message,
      advice: outcome.advice,
      installer: input.installer,
      personPin: input.personPin ?? null,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      evidence: { event: outcome.event, steps },
    });
    this.log.info({ backend: input.backendId, door: input.doorId, test: input.test, verdict: result.verdict, latencyMs: result.latencyMs }, 'door test');
    this.bus.emit('doorTests.finished', result);
    return result;
  }

  private async execute(
    input: RunInput,
    driver: Awaited<ReturnType<BackendsService['driverOf']>>,
    door: string,
    run: {
      signal: AbortSignal;
      /** True once the user cancelled (not when the deadline stopped the calls). */
      cancelled: () => boolean;
      deadline: number;
      t0: number;
      step: (key: keyof typeof STEP_TEXT, params?: Record<string, string | number>) => void;
      pushed: () => readonly AccessEvent[];
    },
  ): Promise<Outcome> {
    const { signal, step } = run;
    const seconds = input.timeoutSeconds;
    if (input.test === 'mode') {
      // A backend that can hold a door but has no call back to normal (K30) is refused before the
      // door is touched: a test must never leave a door held open (the note says how to test by hand).
      // The same rule decides what the Door tests page offers (shared/rules/door-test-offers.ts).
      if (whyNotOffered(driver.capabilities, 'mode') !== null) {
        const note = driver.capabilities.notes['doorModes'] ?? { en: 'This backend’s API has no door-mode call.', 'zh-CN': '该后台接口没有常开/常闭调用。' };
        step('unsupported', { reason: note.en });
        return { verdict: 'unsupported', latencyMs: null, message: note.en, advice: note, event: null };
      }
      const begin = performance.now();
      step('settingMode', { door, mode: 'normally-open' });
      await driver.setDoorMode(input.doorId, 'normally-open', { signal });
      const state = (await driver.listDoors({ signal, withState: true })).find((d) => d.id === input.doorId)?.state;
      step('stateRead', { state: state?.mode ?? 'unknown' });
      step('settingMode', { door, mode: 'restore' });
      await driver.setDoorMode(input.doorId, 'restore', { signal });
      const ok = state?.mode === 'normally-open' || state?.mode === 'unknown' || state === undefined;
      return {
        verdict: ok ? 'pass' : 'fail',
        latencyMs: Math.round(performance.now() - begin),
        message: ok ? 'Mode set and restored.' : `The door reported ${state?.mode} after normally-open was set.`,
        advice: ok ? { en: 'Normally open was set, read back and restored.', 'zh-CN': '已设置常开、读回并恢复。' } : { en: `The door reported ${state?.mode} after normally-open was set.`, 'zh-CN': `设置常开后，门上报的状态为 ${state?.mode}。` },
        event: null,
      };
    }
    // Event times may have one-second resolution, so the watch starts a second early — after
    // reading what is already there: an event from before the test must never count for it.
    const baseline = await driver.events(driver.eventsCursorAt(new Date(Date.now() - 1_000)), { signal });
    const cursor = baseline.cursor ?? driver.eventsCursorAt(new Date());
    const waitFor = (matches: (event: AccessEvent) => boolean) => waitForEvent({ driver, cursor, signal, deadline: run.deadline, pushed: run.pushed, matches });
    if (input.test === 'walk') {
      const pin = input.personPin ?? '';
      step('waitingPerson', { pin, door, seconds });
      const event = await waitFor((e) => e.doorId === input.doorId && e.personPin === pin && (e.kind === 'pass' || e.kind === 'denied'));
      if (!event) return timedOut(run.cancelled(), step, seconds, 'walk');
      step('seenPerson', { pin, door, event: event.description || event.kind, eventId: event.eventId });
      return event.kind === 'pass'
        ? { verdict: 'pass', latencyMs: Math.round(performance.now() - run.t0), message: `${pin} passed ${door}.`, advice: { en: `${pin} was recognised and passed ${door}.`, 'zh-CN': `${pin} 已在 ${door} 识别并通过。` }, event }
        : {
            verdict: 'fail',
            latencyMs: Math.round(performance.now() - run.t0),
            message: `${pin} was recognised at ${door} but not let through (${event.description}).`,
            advice: { en: 'The person was recognised but refused: check their access level / pass group and its schedule for this door.', 'zh-CN': '已识别但未放行：请检查该人员在此门的权限组/通行组及时间计划。' },
            event,
          };
    }
    step('sending', { door });
    const sent = performance.now();
    await driver.openDoor(input.doorId, input.openSeconds, { signal });
    step('accepted', { ms: Math.round(performance.now() - sent) });
    step('waiting', { door, seconds });
    const event = await waitFor((e) => e.doorId === input.doorId && e.kind === 'remote-open');
    if (!event) return timedOut(run.cancelled(), step, seconds, 'open');
    const latencyMs = Math.round(performance.now() - sent);
    step('seen', { event: event.description || event.kind, eventId: event.eventId, time: event.occurredAt, ms: latencyMs });
    return {
      verdict: 'pass',
      latencyMs,
      message: `The backend reported the remote open ${latencyMs} ms after the command.`,
      advice: { en: `The backend reported the remote open ${latencyMs} ms after the command.`, 'zh-CN': `后台在指令发出 ${latencyMs} 毫秒后上报了开门。` },
      event,
    };
  }
}

const CANCELLED: LocalizedText = { en: 'Cancelled before a verdict.', 'zh-CN': '在得出结论前已取消。' };

const NO_ANSWER: LocalizedText = {
  en: 'The backend did not answer: check that it is running, reachable from this computer and not overloaded, then run the test again.',
  'zh-CN': '后台没有应答：请检查它是否在运行、本机能否访问、是否过载，然后重新测试。',
};

/** The wait for the event ended without it: a timeout, unless the user cancelled. */
/**
 * A walk-through waits for one person's event: a personnel number the backend does not know can
 * never pass, so it is refused before the test starts (issue 12 item 13). A lookup that fails for
 * another reason (the backend unreachable) does not refuse: the test runs and its verdict says why.
 */
async function refuseUnknownPerson(driver: BackendDriver, backendName: string, pin: string): Promise<void> {
  let known: boolean;
  try {
    known = (await driver.findPerson(pin)) !== null;
  } catch {
    return;
  }
  if (!known) {
    throw new ApiError('person_not_on_backend', `No such person on ${backendName}: no one there has the personnel number ${pin}.`, { backend: backendName, pin });
  }
}

function timedOut(cancelled: boolean, step: (key: keyof typeof STEP_TEXT, params?: Record<string, string | number>) => void, seconds: number, test: 'open' | 'walk'): Outcome {
  if (cancelled) {
    step('cancelled');
    return { verdict: 'cancelled', latencyMs: null, message: 'Cancelled.', advice: CANCELLED, event: null };
  }
  step('timedOut', { seconds });
  return {
    verdict: 'timeout',
    latencyMs: null,
    message: test === 'open' ? `The command was accepted but the backend reported no opening of this door within ${seconds} s.` : `No recognition of this person at this door within ${seconds} s.`,
    advice:
      test === 'open'
        ? { en: 'The backend accepted the command but reported no event: check that the door’s device is online and uploads its events, and that its clock is right.', 'zh-CN': '后台接受了指令但没有上报事件：请检查该门的设备是否在线、是否上传事件，以及时钟是否正确。' }
        : { en: 'Nobody was recognised in time: check the person is enrolled on this door’s device with a face photo, and try again.', 'zh-CN': '未在时限内识别到该人员：请确认其已带照片下发到此门的设备，然后重试。' },
    event: null,
  };
}

/**
 * A call failed. Only the user's cancel is `cancelled`; a backend that never answered (its own
 * timeout, or the test's deadline stopping the call) is `timeout`; anything else keeps its reason.
 */
function failureOutcome(error: unknown, cancelled: boolean): Outcome {
  if (cancelled) return { verdict: 'cancelled', latencyMs: null, message: 'Cancelled.', advice: CANCELLED, event: null };
  if (error instanceof DriverError && error.code === 'timeout') {
    return { verdict: 'timeout', latencyMs: null, message: error.message, advice: NO_ANSWER, event: null };
  }
  if (error instanceof DriverError) {
    const verdict: DoorTestVerdict = error.code === 'vendor_error' || error.code === 'invalid_params' ? 'fail' : error.code === 'unsupported' ? 'unsupported' : 'error';
    return { verdict, latencyMs: null, message: error.message, advice: error.advice ?? null, event: null };
  }
  if (error instanceof ApiError) {
    const advice = error.details?.['advice'] as LocalizedText | undefined;
    return { verdict: 'error', latencyMs: null, message: error.message, advice: advice ?? null, event: null };
  }
  return { verdict: 'error', latencyMs: null, message: error instanceof Error ? error.message : String(error), advice: null, event: null };
}
