import type {
  AccessEvent,
  AccessLevel,
  BackendPerson,
  Capabilities,
  ConnectionTest,
  Department,
  Device,
  Door,
  DoorMode,
  Reader,
  Vendor,
} from '../../shared/contract/backends.ts';

/** A person as Doorman pushes it to any backend. */
export interface PersonRecord {
  /** Personnel number: the key every vendor addresses a person by (ZKBio pin, K30 job number…). */
  readonly pin: string;
  readonly name: string;
  readonly lastName?: string | undefined;
  readonly gender?: 'M' | 'F' | undefined;
  readonly departmentId?: string | undefined;
  readonly cardNo?: string | undefined;
  readonly idNumber?: string | undefined;
  readonly phone?: string | undefined;
  /** Local date-times 'yyyy-MM-dd HH:mm:ss' in the backend's time zone. */
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
  readonly accessLevelIds?: readonly string[] | undefined;
  readonly photo?: PhotoInput | undefined;
}

/**
 * A backend's own id for each person Doorman sent it, by personnel number, kept in the store for
 * vendors that address people by an id of their own (K30's `no`, returned by people.create).
 */
export interface PersonRefs {
  get(pin: string): string | null;
  set(pin: string, ref: string): void;
  forget(pin: string): void;
}

/** A face photo: bytes in memory, or a file read when it is sent (bulk imports stream from disk). */
export type PhotoInput = { readonly bytes: Uint8Array } | { readonly path: string };

export interface FaceCheck {
  readonly ok: boolean;
  readonly vendorCode: number | string | null;
  readonly advice: { readonly en: string; readonly 'zh-CN': string } | null;
}

interface BulkProgress {
  readonly done: number;
  readonly failed: number;
}

export interface BulkResult extends BulkProgress {
  readonly failures: readonly { readonly pin: string; readonly code: string; readonly message: string }[];
}

export interface BulkOptions {
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BulkProgress) => void;
}

/** Where an event poll stopped; opaque to callers, stored between runs. */
export type EventCursor = string;

export interface EventPage {
  readonly events: readonly AccessEvent[];
  readonly cursor: EventCursor | null;
  /** The vendor's record behind each event, by event id, where the driver keeps it (evidence, alarm tables). */
  readonly raw?: ReadonlyMap<string, unknown>;
}

export interface Watcher {
  stop(): void;
  readonly done: Promise<void>;
}

export interface WatchOptions {
  /** Each event, with the vendor's record it was read from where the driver gives it. */
  readonly onEvent: (event: AccessEvent, raw?: unknown) => void;
  readonly onError?: (error: unknown) => void;
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
}

export interface Signal {
  readonly signal?: AbortSignal | undefined;
}

/**
 * The common interface services and screens use for every vendor. Vendor-only set-up steps
 * (Hongtu's panel import and binding, K30's device edit…) live on the vendor's adapter beside it;
 * what a backend cannot do is said by `capabilities`, and calling it anyway throws `unsupported`.
 */
export interface BackendDriver {
  readonly vendor: Vendor;
  readonly capabilities: Capabilities;
  testConnection(options?: Signal): Promise<ConnectionTest>;
  listDevices(options?: Signal): Promise<Device[]>;
  listDoors(options?: Signal & { withState?: boolean }): Promise<Door[]>;
  listReaders(options?: Signal): Promise<Reader[]>;
  listAccessLevels(options?: Signal): Promise<AccessLevel[]>;
  listDepartments(options?: Signal): Promise<Department[]>;
  /** The people the backend holds, by personnel number and name. */
  listPeople(options?: Signal): Promise<BackendPerson[]>;
  /** The person with this personnel number, or null when the backend says there is none. */
  findPerson(pin: string, options?: Signal): Promise<BackendPerson | null>;
  openDoor(doorId: string, seconds: number, options?: Signal): Promise<void>;
  closeDoor(doorId: string, options?: Signal): Promise<void>;
  setDoorMode(doorId: string, mode: DoorMode, options?: Signal): Promise<void>;
  upsertPerson(person: PersonRecord, options?: Signal): Promise<void>;
  upsertPersons(persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>, options?: BulkOptions): Promise<BulkResult>;
  deletePerson(pin: string, options?: Signal): Promise<void>;
  checkFacePhoto(photo: PhotoInput, options?: Signal): Promise<FaceCheck>;
  /** A cursor for the events from `time` on (a door test starts its watch here, not a day back). */
  eventsCursorAt(time: Date): EventCursor;
  /** Access events after `cursor` (null: the recent ones), oldest first, with a cursor to continue. */
  events(cursor: EventCursor | null, options?: Signal): Promise<EventPage>;
  /** Real-time events (monitor, push or polling, whichever the vendor has). */
  watch(options: WatchOptions): Watcher;
  /**
   * Some of its events come only in the list, never in a push (Hongtu's device alarms): while
   * pushing, the list is still read every poll interval, not only to fill gaps.
   */
  readonly listOnlyEvents?: boolean;
  close(): Promise<void>;
}

/** The kinds of identity document a visitor shows; each vendor maps them to its own codes. */
export type VisitorIdType = 'national-id' | 'passport' | 'drivers-license' | 'work-permit' | 'other';

/** A visitor as Doorman registers it on a backend (issue 15 item 4). */
export interface VisitorRecord {
  readonly name: string;
  /** Personnel number of the person visited (the host), on that backend. */
  readonly hostPin: string;
  readonly idType: VisitorIdType;
  readonly idNumber?: string | undefined;
  readonly phone?: string | undefined;
  readonly company?: string | undefined;
  readonly reason?: string | undefined;
  /** Local date-times 'yyyy-MM-dd HH:mm:ss' in the site's time zone. */
  readonly validFrom: string;
  readonly validTo: string;
  /** The same bounds as instants (the site's zone applied), for a vendor that takes epoch times (Hongtu). */
  readonly starts: Date;
  readonly ends: Date;
  /**
   * The visit starts on a later day than today (the site's calendar): a vendor with reservations
   * books it (ZKBio visReservation) instead of registering the visitor now.
   */
  readonly laterDay: boolean;
  readonly photo?: PhotoInput | undefined;
}

/** What the backend calls the registration: the key to check out by, and the id its passes carry. */
export interface VisitorRegistration {
  /** The vendor's own key for the registration (K30 `no`; ZKBio the certificate type and number). */
  readonly ref: string;
  /** The personnel id the backend's pass events carry for this visitor, when it has one. */
  readonly pin: string | null;
  /** Booked for a later day (a reservation), not registered for today. */
  readonly reserved?: boolean;
}

/** A visitor the backend lists (where its API has a list). */
export interface BackendVisitor {
  readonly pin: string | null;
  readonly name: string;
  readonly idNumber: string | null;
  readonly status: string | null;
}

/**
 * Visitors, for the backends whose API has them (an optional part of a driver: `hasVisitorDesk`).
 * `photos` says whether the registration takes a face photo; `list` is there when the API lists.
 */
export interface VisitorDesk {
  readonly photos: boolean;
  register(visitor: VisitorRecord, options?: Signal): Promise<VisitorRegistration>;
  /** Ends the visit: the vendor's check-out or delete. */
  checkOut(visitor: VisitorRecord & VisitorRegistration, options?: Signal): Promise<void>;
  list?(options?: Signal): Promise<BackendVisitor[]>;
}

export function hasVisitorDesk(driver: object): driver is { readonly visitors: VisitorDesk } {
  return 'visitors' in driver && typeof (driver as { visitors?: unknown }).visitors === 'object' && (driver as { visitors?: unknown }).visitors !== null;
}
