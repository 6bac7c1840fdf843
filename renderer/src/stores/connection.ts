import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../../shared/contract/app.ts';
import type { ApiErrorBody, ErrorCode } from '../../../shared/contract/errors.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

/**
 * - `connecting`: the first `app.info` has not answered yet;
 * - `ready`: the core answered;
 * - `unreachable`: no core at the other end (not running, link dropped, token refused);
 * - `failed`: the core answered with an error (e.g. its database cannot be opened).
 */
export type ConnectionStatus = 'connecting' | 'ready' | 'unreachable' | 'failed';

interface ConnectionStore {
  readonly status: ConnectionStatus;
  /** What the core said about itself on the last successful check. */
  readonly info: AppInfo | null;
  readonly error: ApiErrorBody | null;
  /** Ask the core who it is; moves to `ready`, `unreachable` or `failed`. */
  check(): Promise<void>;
  /** Follow the link and every call's failures, to notice a core that went away mid-session. Returns the unsubscribe. */
  watch(): () => void;
}

/** Codes that mean nothing answered at the other end, as opposed to an answer that is an error. */
const UNREACHABLE: readonly ErrorCode[] = ['transport_closed', 'timeout', 'unauthorized'];

function isUnreachable(code: ErrorCode): boolean {
  return UNREACHABLE.includes(code);
}

/** Whether the core is there, and what it is. */
export function createConnectionStore(client: ApiClient): StoreApi<ConnectionStore> {
  let checking: Promise<void> | null = null;

  return createStore<ConnectionStore>()((set) => ({
    status: 'connecting',
    info: null,
    error: null,

    check() {
      // One check at a time: the retry timer and a user's "Try again" may meet.
      checking ??= (async () => {
        try {
          const info = await client.call('app.info', {});
          set({ status: 'ready', info, error: null });
        } catch (error) {
          const body = errorBody(error);
          set({ status: isUnreachable(body.code) ? 'unreachable' : 'failed', error: body });
        } finally {
          checking = null;
        }
      })();
      return checking;
    },

    watch() {
      const offFailure = client.onFailure((error) => {
        if (error.code === 'transport_closed') set({ status: 'unreachable', error: error.toBody() });
      });
      // A dropped link with no call in flight fails nothing; without this the page would go on
      // showing a list that no longer follows the core.
      const offDisconnect = client.onDisconnect(() => {
        set({
          status: 'unreachable',
          error: { code: 'transport_closed', message: 'The connection to the Doorman core was lost.' },
        });
      });
      return () => {
        offFailure();
        offDisconnect();
      };
    },
  }));
}

export const connectionStore = createConnectionStore(api);

export function useConnection<T>(selector: (state: ConnectionStore) => T): T {
  return useStore(connectionStore, selector);
}
