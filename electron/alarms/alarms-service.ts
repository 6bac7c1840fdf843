import { hostname, userInfo } from 'node:os';
import type { Alarm, AlarmClass, AlarmSettings } from '../../shared/contract/alarms.ts';
import type { AccessEvent, Backend, BackendId } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { StreamStateSchema, type StreamState } from '../../shared/contract/events.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import { vendorModule, type AlarmTable } from '../backends/vendors.ts';
import type { Logger } from '../log/logger.ts';
import type { AlarmEvidence } from '../store/alarm-evidence.ts';
import type { AlarmQuery, AlarmsTable, NewAlarm } from '../store/alarms-table.ts';
import type { GuardSettingsTable } from '../store/guard-settings-table.ts';
import { isDeniedBurst, sameBurst } from './denied-rule.ts';
import { offlineReason, repeatedDenialsReason } from './rule-text.ts';

const STREAM_STATE_EVENT = 'events.streamState';

interface AlarmsDeps {
  readonly table: AlarmsTable;
  readonly evidence: AlarmEvidence;
  readonly settings: GuardSettingsTable;
  readonly backends: BackendsService;
  readonly bus: EventBus;
  readonly log: Logger;
  /** This computer's name, kept with each acknowledgement. */
  readonly station?: string;
  /** The vendor's alarm table (its driver module's); a test may give its own. */
  readonly alarmTableOf?: (backend: Backend) => Promise<AlarmTable | undefined>;
}

/**
 * Classes that happen often and mean the same each time (a stranger at the gate): while one is open
 * at a door, more add to it. Duress, fire, forced doors and tampering each raise their own alarm.
 */
const COALESCED: ReadonlySet<AlarmClass> = new Set(['stranger']);

/**
 * The guard room's alarms (issue 15 item 3): raised from every stored event the bus announces
 * (`events.received`) by the vendor's alarm table, from the rule "repeated denials at one door",
 * and from a backend's stream going offline; acknowledged by the guard on duty with a note; kept
 * forever. Each raise and acknowledgement is announced (`alarms.raised`, `alarms.acked`) with the
 * site's open count, so every window's header follows without asking.
 */
export class AlarmsService {
  private readonly deps: AlarmsDeps;
  private readonly station: string;
  private readonly stop: () => void;
  /** Events are judged one delivery at a time, in order (the rule reads what the last one raised). */
  private queue: Promise<void> = Promise.resolve();

  constructor(deps: AlarmsDeps) {
    this.deps = deps;
    this.station = deps.station ?? hostname();
    this.stop = deps.bus.listen((name, payload) => {
      if (name === 'events.received') {
        const { backendId, events } = payload as { backendId: BackendId; events: AccessEvent[] };
        this.enqueue(() => this.judge(backendId, events));
      } else if ((name as string) === STREAM_STATE_EVENT) {
        const state = StreamStateSchema.safeParse(payload);
        if (state.success) this.enqueue(async () => this.streamState(state.data));
      }
    });
  }

  list(query: Omit<AlarmQuery, 'limit'> & { limit?: number | undefined }): Alarm[] {
    return this.deps.table.list({ ...query, limit: query.limit ?? 200 });
  }

  count(siteId: SiteId): number {
    return this.deps.table.openCount(siteId);
  }

  /** Acknowledges as `as`, else the guard on duty (Settings), else this computer's user. */
  ack(id: number, note: string | undefined, as: string | undefined): Alarm {
    const existing = this.deps.table.get(id);
    if (!existing) throw new ApiError('alarm_not_found', `There is no alarm ${id}.`, { id });
    if (existing.ack) {
      throw new ApiError('alarm_already_acknowledged', `Alarm ${id} was acknowledged by ${existing.ack.by} at ${existing.ack.at}.`, { id, by: existing.ack.by, at: existing.ack.at });
    }
    const by = as || this.deps.settings.get().guardName || osUser();
    const acked = this.deps.table.ack(id, { at: new Date().toISOString(), by, station: this.station, note: note ?? '' });
    if (!acked) throw new ApiError('alarm_already_acknowledged', `Alarm ${id} was acknowledged a moment ago.`, { id });
    this.deps.log.info({ alarm: id, by, station: this.station }, 'alarm acknowledged');
    this.deps.bus.emit('alarms.acked', { alarm: acked, open: this.count(acked.siteId) });
    return acked;
  }

  settings(): AlarmSettings {
    return this.deps.settings.get();
  }

  setSettings(changes: Parameters<GuardSettingsTable['set']>[0]): AlarmSettings {
    return this.deps.settings.set(changes);
  }

  /** Resolves once every delivery announced so far has been judged (tests, and a clean close). */
  idle(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.stop();
    await this.queue;
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.deps.log.warn({ err: error }, 'alarm check failed');
    });
  }

  private async judge(backendId: BackendId, events: readonly AccessEvent[]): Promise<void> {
    const backend = this.backendOf(backendId);
    if (!backend) return;
    const table = await (this.deps.alarmTableOf ?? defaultAlarmTable)(backend);
    for (const event of events) {
      const match = table?.({ event, raw: this.deps.evidence.raw(backendId, event.eventId) }) ?? null;
      if (match && COALESCED.has(match.alarmClass)) this.raiseOrRepeat(backend, event, { alarmClass: match.alarmClass, reason: match.reason, sourceKey: event.eventId });
      else if (match) this.raise(backend, event, { alarmClass: match.alarmClass, reason: match.reason, sourceKey: event.eventId });
      // Strangers have their own alarm; the burst rule is for refused known people and cards.
      if (event.kind === 'denied' && (event.result ?? 'denied') === 'denied') this.checkDenials(backend, event);
    }
  }

  private checkDenials(backend: Backend, event: AccessEvent): void {
    const { deniedThreshold: threshold, deniedWindowMinutes: windowMinutes } = this.deps.settings.get();
    const rule = { threshold, windowMinutes };
    const times = this.deps.evidence.deniedAt(backend.id, event.doorId, threshold);
    if (!isDeniedBurst(times, event.occurredAt, rule)) return;
    if (sameBurst(this.deps.table.latest(backend.id, 'denied-repeated', event.doorId)?.occurredAt, event.occurredAt, rule)) return;
    const reason = repeatedDenialsReason(threshold, windowMinutes);
    this.raise(backend, event, { alarmClass: 'denied-repeated', reason, sourceKey: `denied-repeated:${event.eventId}` });
  }

  private streamState(state: StreamState): void {
    if (state.state !== 'offline') return;
    const backend = this.backendOf(state.backendId);
    if (!backend) return;
    // One alarm per outage: while one is open, a repeated "offline" adds nothing.
    const latest = this.deps.table.latest(backend.id, 'backend-offline');
    if (latest && latest.ack === null) return;
    const now = new Date().toISOString();
    this.insert({
      siteId: backend.siteId,
      backendId: backend.id,
      backendName: backend.name,
      sourceKey: `backend-offline:${state.since}`,
      alarmClass: 'backend-offline',
      reason: offlineReason(backend.name, state.reason ?? null),
      eventId: null,
      doorId: null,
      doorName: null,
      personPin: null,
      personName: null,
      occurredAt: state.since,
      raisedAt: now,
    });
  }

  /** Adds to the door's open alarm of the class (no banner, no sound), else raises one. */
  private raiseOrRepeat(backend: Backend, event: AccessEvent, what: Pick<NewAlarm, 'alarmClass' | 'reason' | 'sourceKey'>): void {
    const repeated = this.deps.table.repeat(backend.id, what.alarmClass, event.doorId, event.occurredAt);
    if (!repeated) return this.raise(backend, event, what);
    this.deps.bus.emit('alarms.repeated', { alarm: repeated, open: this.count(repeated.siteId) });
  }

  private raise(backend: Backend, event: AccessEvent, what: Pick<NewAlarm, 'alarmClass' | 'reason' | 'sourceKey'>): void {
    this.insert({
      ...what,
      siteId: backend.siteId,
      backendId: backend.id,
      backendName: backend.name,
      eventId: event.eventId,
      doorId: event.doorId,
      doorName: event.doorName,
      personPin: event.personPin,
      personName: event.personName,
      occurredAt: event.occurredAt,
      raisedAt: new Date().toISOString(),
    });
  }

  private insert(alarm: NewAlarm): void {
    const raised = this.deps.table.insert(alarm);
    if (!raised) return;
    this.deps.log.info({ alarm: raised.id, backend: raised.backendId, class: raised.alarmClass, event: raised.eventId }, 'alarm raised');
    this.deps.bus.emit('alarms.raised', { alarm: raised, open: this.count(raised.siteId) });
  }

  private backendOf(id: BackendId): Backend | undefined {
    try {
      return this.deps.backends.get(id);
    } catch {
      // Removed since: its events raise nothing.
      return undefined;
    }
  }
}

async function defaultAlarmTable(backend: Backend): Promise<AlarmTable | undefined> {
  return (await vendorModule(backend.vendor))?.alarms;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
