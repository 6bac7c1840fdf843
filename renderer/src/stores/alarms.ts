import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Alarm } from '../../../shared/contract/alarms.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

/** How many open alarms the banner keeps at hand (the count in the header is the core's, not this list's length). */
const OPEN_SHOWN = 50;

interface AlarmsStore {
  readonly siteId: SiteId | null;
  /** The site's unacknowledged alarms, newest first (at most OPEN_SHOWN). */
  readonly open: readonly Alarm[];
  /** How many are unacknowledged (the core's count). */
  readonly count: number;
  /** Bumped by each alarm raised while the window is open: what the sound follows. */
  readonly raisedSerial: number;
  readonly acking: boolean;
  readonly error: ApiErrorBody | null;
  readonly muted: boolean;

  load(siteId: SiteId | null): Promise<void>;
  /** Acknowledges as the guard on duty (Settings), with the note; true when done. */
  ack(id: number, note: string): Promise<boolean>;
  setMuted(muted: boolean): void;
  /** Follow `alarms.raised` / `alarms.repeated` / `alarms.acked` (any window, the CLI, another station): never polled. */
  watch(): () => void;
}

/** Where the mute choice is remembered; injectable so tests need no browser storage. */
export interface MuteMemory {
  read(): boolean;
  write(muted: boolean): void;
}

const MUTE_KEY = 'doorman.alarms.muted';

export function localMuteMemory(key = MUTE_KEY): MuteMemory {
  return {
    read() {
      try {
        return localStorage.getItem(key) === '1';
      } catch {
        // Storage unavailable: the sound stays on (the safe default for a guard room).
        return false;
      }
    },
    write(muted) {
      try {
        localStorage.setItem(key, muted ? '1' : '0');
      } catch {
        // Not remembered; still muted for this run.
      }
    },
  };
}

/** The current site's open alarms and their count, following the core's events. */
export function createAlarmsStore(client: ApiClient, memory: MuteMemory = localMuteMemory()): StoreApi<AlarmsStore> {
  let loadSerial = 0;
  return createStore<AlarmsStore>()((set, get) => ({
    siteId: null,
    open: [],
    count: 0,
    raisedSerial: 0,
    acking: false,
    error: null,
    muted: memory.read(),

    async load(siteId) {
      const serial = ++loadSerial;
      if (siteId !== get().siteId) set({ siteId, open: [], count: 0, error: null });
      if (siteId === null) return;
      try {
        const [{ alarms }, { open }] = await Promise.all([client.call('alarms.list', { siteId, open: true, limit: OPEN_SHOWN }), client.call('alarms.count', { siteId })]);
        if (serial !== loadSerial) return;
        // An alarm announced while the list was read (newer than any listed) stays.
        const newest = alarms[0]?.id ?? 0;
        set((s) => ({ open: [...s.open.filter((a) => a.id > newest), ...alarms].slice(0, OPEN_SHOWN), count: Math.max(open, s.count) }));
      } catch (error) {
        if (serial === loadSerial) set({ error: errorBody(error) });
      }
    },

    async ack(id, note) {
      set({ acking: true, error: null });
      try {
        const trimmed = note.trim();
        const alarm = await client.call('alarms.ack', { id, ...(trimmed ? { note: trimmed } : {}) });
        // The event brings the count; take the alarm off now so the banner moves on at once.
        set((s) => ({ acking: false, open: s.open.filter((a) => a.id !== alarm.id) }));
        return true;
      } catch (error) {
        const body = errorBody(error);
        set({ acking: false, error: body });
        // Acknowledged elsewhere meanwhile: the list is stale, not the guard.
        if (body.code === 'alarm_already_acknowledged' || body.code === 'alarm_not_found') void get().load(get().siteId);
        return false;
      }
    },

    setMuted(muted) {
      memory.write(muted);
      set({ muted });
    },

    watch() {
      const stops = [
        client.on('alarms.raised', ({ alarm, open }) => {
          if (alarm.siteId !== get().siteId) return;
          set((s) => ({ open: [alarm, ...s.open.filter((a) => a.id !== alarm.id)].slice(0, OPEN_SHOWN), count: open, raisedSerial: s.raisedSerial + 1 }));
        }),
        // The same again while open: the alarm in place, updated; no sound (raisedSerial unchanged).
        client.on('alarms.repeated', ({ alarm, open }) => {
          if (alarm.siteId !== get().siteId) return;
          set((s) => ({ open: s.open.map((a) => (a.id === alarm.id ? alarm : a)), count: open }));
        }),
        client.on('alarms.acked', ({ alarm, open }) => {
          if (alarm.siteId !== get().siteId) return;
          set((s) => ({ open: s.open.filter((a) => a.id !== alarm.id), count: open }));
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  }));
}

export const alarmsStore = createAlarmsStore(api);

export function useAlarms<T>(selector: (state: AlarmsStore) => T): T {
  return useStore(alarmsStore, selector);
}
