import type { BridgeDeviceId } from '../../shared/contract/bridges.ts';
import type { OutboxEntry } from '../../shared/contract/people.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { BridgeTaskWrites, TaskWrite } from '../store/bridge-task-writes.ts';
import type { StoredBridgeTask } from '../store/bridge-tasks-table.ts';
import { deviceBackends, FACE_REFUSED, PERSON_REFUSED, type FailedWorker, type TaskDevice } from './task-executor.ts';
import { workerPin } from './worker-pin.ts';

interface TaskSettleDeps {
  readonly bus: EventBus;
  readonly writes: BridgeTaskWrites;
}

/** The failures the backends gave for a task's workers. */
export interface BackendFailures {
  readonly failedPersons: FailedWorker[];
  readonly failedFaces: FailedWorker[];
}

const OPEN: readonly OutboxEntry['state'][] = ['pending', 'sending'];
const keyOf = (backendId: number, pin: string) => `${backendId}\u0000${pin}`;
/** A backend's refusal that is about the photo (ZKBio, Hongtu and K30 name the face or the photo). */
const FACE_REASON = /face|photo|image|picture|人脸|照片|图片|相片/i;

/**
 * Waits until every worker a task enrolled or took off the device (issue 16 item 3) has its newest
 * outbox write on each backend behind the device done, failed or cancelled — woken by
 * `outbox.changed` on the bus, never by a timer — and returns the workers a backend refused: the
 * photo's refusals in failedFaces (404_2), the rest (a refused delete among them) in failedPersons
 * (404_1), each with the backend's reason for the task history. The state is in the database (the
 * task row `syncing` with the workers it took off, the workers' `enrolled_task`, the outbox), so
 * after a restart the same call resumes the wait. Rejects when `signal` aborts (the bridge stops).
 */
export function settleTask(deps: TaskSettleDeps, device: TaskDevice & { id: BridgeDeviceId }, task: Pick<StoredBridgeTask, 'id' | 'leaving'>, signal: AbortSignal): Promise<BackendFailures> {
  const backends = deviceBackends(device.doors);
  const leaving = task.leaving.map((personId) => ({ personId, pin: workerPin(personId) }));
  const taskRowId = task.id;
  return new Promise<BackendFailures>((resolve, reject) => {
    let waiting = new Set<string>();
    let scheduled = false;
    const finish = (action: () => void) => {
      unlisten();
      signal.removeEventListener('abort', aborted);
      action();
    };
    const check = () => {
      scheduled = false;
      if (signal.aborted) return;
      let writes: TaskWrite[];
      try {
        writes = deps.writes.of(device.id, taskRowId, backends, leaving);
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        return;
      }
      const open = writes.filter((write) => OPEN.includes(write.state));
      if (open.length > 0) {
        waiting = new Set(open.map((write) => keyOf(write.backendId, write.pin)));
        return;
      }
      finish(() => resolve(failuresOf(writes)));
    };
    const unlisten = deps.bus.listen((name, payload) => {
      if (name !== 'outbox.changed' || scheduled) return;
      const entry = payload as OutboxEntry;
      if (!waiting.has(keyOf(entry.backendId, entry.pin))) return;
      // Many entries change at once in a pass: one look at the database for them all.
      scheduled = true;
      setImmediate(check);
    });
    const aborted = () => finish(() => reject(new Error('the bridge stopped while the task waited for its backend writes')));
    signal.addEventListener('abort', aborted, { once: true });
    if (signal.aborted) aborted();
    else check();
  });
}

function failuresOf(writes: readonly TaskWrite[]): BackendFailures {
  const failedPersons: FailedWorker[] = [];
  const failedFaces: FailedWorker[] = [];
  const seen = new Set<string>();
  for (const write of writes) {
    if (write.state !== 'failed' && write.state !== 'cancelled') continue;
    if (seen.has(write.personId)) continue;
    seen.add(write.personId);
    const error = write.lastError;
    const reason = write.state === 'cancelled' ? `backend ${write.backendId}: the write was cancelled before it reached the backend` : `backend ${write.backendId}: ${error ? `${error.code}: ${error.message}` : 'refused'}`;
    // A refused delete leaves the person on the backend: the person failed, whatever the wording.
    const face = write.action === 'upsert' && error !== null && FACE_REASON.test(`${error.code} ${error.message}`);
    (face ? failedFaces : failedPersons).push({ personId: write.personId, errCode: face ? FACE_REFUSED : PERSON_REFUSED, reason });
  }
  return { failedPersons, failedFaces };
}
