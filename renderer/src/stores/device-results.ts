import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeviceResult } from '../../../shared/contract/device-results.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

interface DeviceResultsStore {
  readonly siteId: SiteId | null;
  /** The latest result per backend, person and device (outbox.deviceResults). */
  readonly results: readonly DeviceResult[];
  readonly error: ApiErrorBody | null;
  load(siteId: SiteId | null): Promise<void>;
  /** Follow `outbox.deviceResult` for the listed site: a result shows as it arrives. Returns the unsubscribe. */
  watch(): () => void;
}

const sameCell = (a: DeviceResult, b: DeviceResult) => a.backendId === b.backendId && a.personNo === b.personNo && a.deviceNo === b.deviceNo;

/** A newly reported result replaces the one it is newer than (the core sends only the newest). */
export function putResult(results: readonly DeviceResult[], result: DeviceResult): DeviceResult[] {
  return [...results.filter((r) => !sameCell(r, result)), result];
}

/** `result` into `results` unless they hold a newer one for that person and device. */
function keepNewer(results: readonly DeviceResult[], result: DeviceResult): readonly DeviceResult[] {
  const held = results.find((r) => sameCell(r, result));
  return held && Date.parse(held.receivedAt) >= Date.parse(result.receivedAt) ? results : putResult(results, result);
}

/**
 * What the backends reported about pushing the site's people to each device (K30's authstatus
 * callbacks, through the callback receiver), for the Sync page.
 */
export function createDeviceResultsStore(client: ApiClient): StoreApi<DeviceResultsStore> {
  let loadSerial = 0;
  return createStore<DeviceResultsStore>()((set, get) => ({
    siteId: null,
    results: [],
    error: null,

    async load(siteId) {
      const serial = ++loadSerial;
      if (siteId !== get().siteId) set({ siteId, results: [], error: null });
      if (siteId === null) return;
      try {
        const { results } = await client.call('outbox.deviceResults', { siteId });
        // Results that arrived while the list was read are newer than it: keep them.
        if (serial === loadSerial) set((s) => ({ results: s.results.reduce(keepNewer, results), error: null }));
      } catch (error) {
        if (serial === loadSerial) set({ error: errorBody(error) });
      }
    },

    watch() {
      return client.on('outbox.deviceResult', ({ siteId, ...result }) => {
        if (siteId === get().siteId) set((s) => ({ results: putResult(s.results, result) }));
      });
    },
  }));
}

export const deviceResultsStore = createDeviceResultsStore(api);

export function useDeviceResults<T>(selector: (state: DeviceResultsStore) => T): T {
  return useStore(deviceResultsStore, selector);
}
