import { useEffect, useState } from 'react';
import type { BackendId } from '../../../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../../../shared/contract/errors.ts';
import type { MethodOutput } from '../../../../../shared/contract/index.ts';
import type { ApiClient } from '../../../api/client.ts';
import { errorBody } from '../../../stores/api-error.ts';
import type { StepOutcome } from '../../../stores/wizard.ts';

export type ReceiverStatus = MethodOutput<'receivers.status'>;

/**
 * Where a receiver whose URL the installer types into the vendor's software stands: not running,
 * running and waiting for the first callback (the URL is not set there yet, or nothing happened
 * since), or a callback received (at `at`, ISO).
 */
export type CallbackProgress = { readonly kind: 'stopped' } | { readonly kind: 'waiting'; readonly url: string } | { readonly kind: 'received'; readonly url: string; readonly at: string };

export function callbackProgress(status: ReceiverStatus | null): CallbackProgress {
  if (!status?.running || status.url === null) return { kind: 'stopped' };
  return status.lastReceivedAt === null ? { kind: 'waiting', url: status.url } : { kind: 'received', url: status.url, at: status.lastReceivedAt };
}

/** How often the step asks whether a callback came (receivers.status is a local read: cheap). */
const POLL_MS = 2000;

/**
 * The backend's receiver, read when the step opens and again every POLL_MS while it shows, so the
 * "waiting for the first callback" line turns to "received" by itself; `refresh` reads it at once
 * (after starting or stopping it).
 */
export function useReceiverStatus(client: ApiClient, backendId: BackendId): { readonly status: ReceiverStatus | null; readonly error: ApiErrorBody | null; refresh(): void } {
  const [status, setStatus] = useState<ReceiverStatus | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    let live = true;
    const read = () => {
      client.call('receivers.status', { backendId }).then(
        (value) => {
          if (!live) return;
          setStatus(value);
          setError(null);
        },
        (failure: unknown) => {
          if (live) setError(errorBody(failure));
        },
      );
    };
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, backendId, serial]);

  return { status, error, refresh: () => setSerial((n) => n + 1) };
}

/**
 * A wizard step's action: start the backend's receiver (on the interface facing the backend unless a
 * host is given; the same URL again when it already runs). Undo stops it: the URL typed into the
 * vendor's software then reaches nobody, and Doorman polls again.
 */
export async function startReceiver<C>(client: ApiClient, backendId: BackendId, host: string, summaryKey: string): Promise<StepOutcome<C>> {
  const trimmed = host.trim();
  const { url } = await client.call('receivers.start', { backendId, signCheck: 'warn', ...(trimmed ? { host: trimmed } : {}) });
  return {
    summary: { key: summaryKey, values: { url } },
    undo: () => client.call('receivers.stop', { backendId }),
  };
}
