import type { BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId } from '../../shared/contract/bridges.ts';
import type { CapturedPhoto } from '../../shared/contract/event-photos.ts';
import { DriverError } from '../drivers/driver-error.ts';
import type { AttendanceRecord } from '../drivers/zhejiang/params.ts';
import type { Logger } from '../log/logger.ts';
import { SIGNIN_BACKOFF, type BridgeSigninsTable, type StoredSignin } from '../store/bridge-signins-table.ts';

/** What the pump needs of a device's TCP session (device-session.ts's DeviceSession, through {@link sessionStates}). */
export interface SigninSession {
  state(): { readonly status: string };
  /** Resolves when the platform acknowledged the record; rejects with a DriverError. */
  signIn(record: AttendanceRecord): Promise<void>;
  /** Each state change of the session; returns the unsubscribe. */
  onState(listener: (state: { readonly status: string }) => void): () => void;
}

/**
 * A fan-out for a DeviceSession's single `onState` callback: pass `emit` as the session's
 * `onState`, and `onState` to every part that follows the session (the sign-in pump, the page).
 */
export function sessionStates<S extends { readonly status: string }>(): { emit: (state: S) => void; onState: (listener: (state: S) => void) => () => void } {
  const listeners = new Set<(state: S) => void>();
  return {
    emit: (state) => {
      for (const listener of listeners) listener(state);
    },
    onState: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Reads a stored event's captured photo (event-photos-service.ts's `captured`). The pump asks for
 * the next records' photos ahead of their turn, so the reader should keep recent reads and share a
 * read in flight (the event-photos service does both).
 */
export type CapturedPhotoReader = (backendId: BackendId, eventId: string) => Promise<CapturedPhoto>;

interface SigninPumpOptions {
  readonly deviceId: BridgeDeviceId;
  readonly sn: string;
  readonly table: BridgeSigninsTable;
  readonly session: SigninSession;
  readonly readPhoto?: CapturedPhotoReader | undefined;
  /** The bridge's maximum frame size: a photo whose frame would not fit is left out. */
  readonly maxFrameBytes: number;
  readonly log: Logger;
  readonly now?: () => number;
  /** Pauses after a platform refusal (default the queue's 5 s doubling to 10 min). */
  readonly backoff?: { readonly firstMs: number; readonly maxMs: number };
  /** How often the queue is looked at when nothing wakes the pump (a record's backoff ending, a retry from the page). Default 1 s. */
  readonly idleMs?: number;
  /** The platform acknowledged this record (it has just left the queue); `atMs` is when. */
  readonly onAcknowledged?: ((record: StoredSignin, atMs: number) => void) | undefined;
}

/** Photos read ahead of their record's turn (fetched from the backend while the records before them are sent). */
const PHOTOS_AHEAD = 4;
/**
 * After a backend's photo host did not answer: its records go without the face for this long
 * rather than each waiting out the read's timeout (a day's backlog would otherwise take a day).
 */
const PHOTO_PAUSE_MS = 60_000;

/** Room kept in a frame for everything but the photo (envelope, sign, token, the other fields). */
const FRAME_OVERHEAD_BYTES = 4096;
/** A refusal of the record itself (400_01, 400_02): sending it again unchanged cannot help. */
const NO_RETRY = 'log-no-retry';
/** Such a record waits for a retry from the bridge page (`bridge.queue.retry`), not for a timer. */
const PARKED = { firstMs: 365 * 86_400_000, maxMs: 365 * 86_400_000 } as const;

/** The error kept with a failed record: JSON of the typed error, its advice in both languages. */
function failureText(error: unknown): string {
  if (error instanceof DriverError) {
    return JSON.stringify({ code: error.code, vendorCode: error.vendorCode ?? null, message: error.message, advice: error.advice ?? null });
  }
  return JSON.stringify({ code: 'unknown', vendorCode: null, message: error instanceof Error ? error.message : String(error), advice: null });
}

/** A failure of the connection rather than of the record: sent again as soon as the session is back, in order. */
function isTransport(error: unknown): boolean {
  if (!(error instanceof DriverError)) return false;
  return error.code === 'unreachable' || error.code === 'reset' || error.code === 'timeout' || error.code === 'aborted';
}

/**
 * The attendance queue of one device, drained over its TCP session (issue 16 item 4): while the
 * session is online, the oldest due record (record time order, one in flight: the queue's claim)
 * is sent as C_SIGN_IN with the captured face as `img` when the event has one that fits in a frame;
 * the platform's acknowledgement deletes it. A dropped connection or a timeout puts the record back
 * due at once (attempt and error kept) and the pump waits for the session's next `online`, so the
 * order holds and nothing is sent twice; a platform refusal backs off; a 400_01/400_02 refusal of
 * the record itself is kept with the platform's advice and waits for a retry from the bridge page
 * (never sent again by a timer). The kept error (`lastError`) is JSON: code, vendorCode, message,
 * advice {en, zh-CN}.
 *
 * Photos are fetched from the backend at send time, so a backlog's drain would wait on one fetch per
 * record: the next few records' photos are read ahead while the current one is sent, and when a
 * backend's photo host does not answer its records go without the face for a minute instead of each
 * waiting out the fetch's timeout.
 */
export class SigninPump {
  private readonly options: SigninPumpOptions;
  private readonly now: () => number;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private unlisten: (() => void) | undefined;
  /** After a dropped connection: the record waits for the session to go down and come back online. */
  private awaitingReconnect = false;
  private sawDown = false;
  /** Per backend: photos are not read until then (its photo host did not answer). */
  private readonly photosPausedUntil = new Map<BackendId, number>();

  constructor(options: SigninPumpOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.unlisten = this.options.session.onState((state) => {
      if (state.status !== 'online') {
        this.sawDown = true;
        return;
      }
      if (this.awaitingReconnect && this.sawDown) this.awaitingReconnect = false;
      if (!this.awaitingReconnect) this.wake();
    });
    this.running = this.run();
  }

  /** Look at the queue now (a record was queued, the session came online). */
  wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = undefined;
    wake?.();
  }

  /** Stops after the record in flight (if any) is answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    this.wake();
    await this.running;
  }

  private async run(): Promise<void> {
    const { table, deviceId, session, log, sn } = this.options;
    while (!this.stopped) {
      if (this.awaitingReconnect) {
        // The session reports the drop and the reconnection; a drop it never reports ends the wait after a while.
        await this.pause(10 * (this.options.idleMs ?? 1_000));
        this.awaitingReconnect = false;
        continue;
      }
      if (session.state().status !== 'online') {
        await this.pause(null);
        continue;
      }
      const record = table.claim(deviceId, this.now());
      if (!record) {
        await this.pause(this.options.idleMs ?? 1_000);
        continue;
      }
      this.readAhead();
      try {
        await session.signIn(await this.toRecord(record));
        table.done(record.id);
        this.acknowledged(record);
      } catch (error) {
        const recovery = error instanceof DriverError ? error.details?.['recovery'] : undefined;
        const firstMs = this.options.backoff?.firstMs ?? SIGNIN_BACKOFF.firstMs;
        const maxMs = this.options.backoff?.maxMs ?? SIGNIN_BACKOFF.maxMs;
        if (isTransport(error)) {
          table.failed(record.id, failureText(error), this.now(), { firstMs: 0, maxMs: 0 });
          this.sawDown = session.state().status !== 'online';
          this.awaitingReconnect = true;
        } else if (recovery === NO_RETRY) {
          table.failed(record.id, failureText(error), this.now(), PARKED);
          log.warn({ sn, signin: record.id, event: record.eventId, vendorCode: error instanceof DriverError ? error.vendorCode : undefined }, 'Zhejiang: the platform refused an attendance record; it waits for a retry from the bridge page');
        } else {
          table.failed(record.id, failureText(error), this.now(), { firstMs, maxMs });
          log.warn({ sn, signin: record.id, event: record.eventId, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang: attendance record not sent; it is tried again after a pause');
        }
      }
    }
  }

  /** Tells `onAcknowledged`; a listener's failure never stops the drain. */
  private acknowledged(record: StoredSignin): void {
    try {
      this.options.onAcknowledged?.(record, this.now());
    } catch (error) {
      this.options.log.warn({ sn: this.options.sn, signin: record.id, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang: an acknowledged record was not counted');
    }
  }

  /** Until woken, or `ms` (null: only a wake — the session's next online, or stop). */
  private pause(ms: number | null): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = ms === null ? undefined : setTimeout(() => this.wake(), ms);
      this.wakeUp = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  }

  private async toRecord(record: StoredSignin): Promise<AttendanceRecord> {
    const base: AttendanceRecord = {
      personId: record.personId,
      type: Number(record.type) || 1,
      recordTime: record.recordTime,
      ...(record.temperature === null ? {} : { temperature: record.temperature }),
    };
    const img = record.photoRef ? await this.photo(record.backendId, record.photoRef) : undefined;
    return img === undefined ? base : { ...base, img };
  }

  /** Starts reading the photos of the next few records (the reader keeps them for their turn). */
  private readAhead(): void {
    const read = this.options.readPhoto;
    if (!read) return;
    for (const next of this.options.table.upcoming(this.options.deviceId, this.now(), PHOTOS_AHEAD)) {
      if (!next.photoRef || this.photosPaused(next.backendId)) continue;
      read(next.backendId, next.photoRef).then(
        (photo) => this.notePhoto(next.backendId, photo),
        () => undefined,
      );
    }
  }

  private photosPaused(backendId: BackendId): boolean {
    return (this.photosPausedUntil.get(backendId) ?? 0) > this.now();
  }

  /** A read that found the backend's photo host not answering pauses that backend's photo reads. */
  private notePhoto(backendId: BackendId, photo: CapturedPhoto): void {
    if (photo.problem !== 'unreachable' || this.photosPaused(backendId)) return;
    this.photosPausedUntil.set(backendId, this.now() + PHOTO_PAUSE_MS);
    this.options.log.warn({ sn: this.options.sn, backend: backendId, pauseMs: PHOTO_PAUSE_MS }, 'Zhejiang: captured photos of this backend cannot be read; attendance records go without the face for a minute');
  }

  /** The captured face in base64 when it reads and fits in a frame; otherwise none (the record goes without). */
  private async photo(backendId: BackendId, eventId: string): Promise<string | undefined> {
    const read = this.options.readPhoto;
    if (!read || this.photosPaused(backendId)) return undefined;
    try {
      const photo = await read(backendId, eventId);
      this.notePhoto(backendId, photo);
      if (!photo.base64) return undefined;
      if (photo.base64.length + FRAME_OVERHEAD_BYTES > this.options.maxFrameBytes) {
        this.options.log.info({ sn: this.options.sn, event: eventId, bytes: photo.base64.length }, 'Zhejiang: captured photo larger than a frame; the record is sent without it');
        return undefined;
      }
      return photo.base64;
    } catch (error) {
      this.options.log.warn({ sn: this.options.sn, event: eventId, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang: captured photo not read; the record is sent without it');
      return undefined;
    }
  }
}
