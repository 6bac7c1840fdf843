import type { z } from 'zod';
import type { RegisterVisitorSchema, Visitor } from '../../shared/contract/visitors.ts';
import type { BackendId } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import { hasVisitorDesk, type VisitorDesk, type VisitorRecord } from '../backends/backend.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import { toApiError } from '../backends/driver-errors-to-api.ts';
import type { Logger } from '../log/logger.ts';
import type { FaceFiles } from '../people/face-files.ts';
import { imageInfo } from '../photos/image-info.ts';
import type { PeopleTable } from '../store/people-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import type { StoredVisitor, VisitorsTable } from '../store/visitors-table.ts';
import { dayBounds, instantAt, wallClock, zoneOffsetSeconds } from './site-clock.ts';

type RegisterInput = z.output<typeof RegisterVisitorSchema>;

/** Failures that say the backend could not be reached: the visitor is kept, to send again. */
const OUT_OF_REACH = new Set(['backend_unreachable', 'backend_timeout', 'backend_tls', 'backend_plain_http', 'backend_bad_reply']);

interface VisitorsDeps {
  readonly table: VisitorsTable;
  readonly backends: BackendsService;
  readonly sites: SitesTable;
  readonly people: PeopleTable;
  readonly faces: FaceFiles;
  readonly bus: EventBus;
  readonly log: Logger;
  readonly now?: () => Date;
}

/**
 * Visitors (issue 15 item 4): registered on a backend whose API has them (the driver's VisitorDesk),
 * stored first — a backend out of reach leaves the visitor `failed`, to send again, while one that
 * refuses the visitor (a field it requires, a host it does not know, a photo it will not take) has
 * the registration undone and its reason returned, so the form can be corrected. Today's list reads
 * arrived / left from the visitor's pass events (first and last pass of their pin on that backend
 * within the visit); check-out is the vendor's check-out or delete.
 */
export class VisitorsService {
  private readonly deps: VisitorsDeps;
  private readonly now: () => Date;

  constructor(deps: VisitorsDeps) {
    this.deps = deps;
    this.now = deps.now ?? (() => new Date());
  }

  async register(input: RegisterInput): Promise<Visitor> {
    const backend = this.deps.backends.get(input.backendId);
    const desk = await this.desk(input.backendId);
    const zone = this.timeZone(backend.siteId);
    const now = wallClock(this.now(), zone);
    const validFrom = input.visitor.validFrom ?? now;
    const validTo = input.visitor.validTo ?? dayBounds(now.slice(0, 10)).to;
    if (validTo <= validFrom) throw new ApiError('invalid_input', 'The visit ends before it starts.', { issues: [{ path: ['visitor', 'validTo'], code: 'custom', message: 'visit_ends_before_start' }] });
    const faceSha256 = input.face ? this.storeFace(Buffer.from(input.face.jpegBase64, 'base64')) : null;
    const stored = this.deps.table.insert({ siteId: backend.siteId, backendId: input.backendId, fields: { ...input.visitor, validFrom, validTo }, faceSha256 }, this.now().toISOString());
    return this.send(stored, desk, true);
  }

  /** Sends a visitor that could not be sent (the backend out of reach) again. */
  async retry(id: number): Promise<Visitor> {
    const stored = this.stored(id);
    if (stored.state === 'registered' || stored.state === 'checked-out') return this.view(stored);
    return this.send(stored, await this.desk(stored.backendId), false);
  }

  async checkOut(id: number): Promise<Visitor> {
    const stored = this.stored(id);
    if (stored.state === 'checked-out') return this.view(stored);
    // Never registered on the backend: nothing there to end.
    if (stored.state === 'registered' && stored.vendorRef !== null) {
      const desk = await this.desk(stored.backendId);
      try {
        await desk.checkOut({ ...this.record(stored), ref: stored.vendorRef, pin: stored.vendorPin });
      } catch (error) {
        const apiError = toApiError(error);
        this.deps.table.checkOutFailed(id, errorOf(apiError));
        this.announce(id);
        throw apiError;
      }
    }
    this.deps.table.checkedOut(id, this.now().toISOString());
    this.deps.log.info({ visitor: id, backend: stored.backendId }, 'visitor checked out');
    return this.announce(id);
  }

  /** The site's visitors whose visit touches the day (default today, in the site's zone). */
  list(siteId: SiteId, date?: string): { date: string; visitors: Visitor[] } {
    const day = date ?? wallClock(this.now(), this.timeZone(siteId)).slice(0, 10);
    const { from, to } = dayBounds(day);
    return { date: day, visitors: this.deps.table.overlapping(siteId, from, to).map((stored) => this.view(stored)) };
  }

  private async send(stored: StoredVisitor, desk: VisitorDesk, first: boolean): Promise<Visitor> {
    try {
      const registration = await desk.register(this.record(stored));
      this.deps.table.registered(stored.id, registration.ref, registration.pin, registration.reserved === true);
      this.deps.log.info({ visitor: stored.id, backend: stored.backendId, reserved: registration.reserved === true }, 'visitor registered');
    } catch (error) {
      const apiError = toApiError(error);
      const code = apiError instanceof ApiError ? apiError.code : 'internal';
      if (first && !OUT_OF_REACH.has(code)) {
        // Refused: nothing was registered; the clerk corrects the form and sends it again.
        this.deps.table.remove(stored.id);
        throw apiError;
      }
      this.deps.table.failed(stored.id, errorOf(apiError));
      this.deps.log.warn({ visitor: stored.id, backend: stored.backendId, code }, 'visitor not registered');
    }
    return this.announce(stored.id);
  }

  private async desk(backendId: BackendId): Promise<VisitorDesk> {
    const driver = await this.deps.backends.driverOf(backendId);
    if (!hasVisitorDesk(driver)) {
      const advice = driver.capabilities.notes['visitors'];
      throw new ApiError('backend_unsupported', `${this.deps.backends.get(backendId).name} has no visitor registration in its API.`, { capability: 'visitors', ...(advice ? { advice } : {}) });
    }
    return driver.visitors;
  }

  private record(stored: StoredVisitor): VisitorRecord {
    const zone = this.timeZone(stored.siteId);
    const today = wallClock(this.now(), zone).slice(0, 10);
    return {
      name: stored.name,
      hostPin: stored.hostPin,
      idType: stored.idType,
      idNumber: stored.idNumber ?? undefined,
      phone: stored.phone ?? undefined,
      company: stored.company ?? undefined,
      reason: stored.reason ?? undefined,
      validFrom: stored.validFrom,
      validTo: stored.validTo,
      starts: instantAt(stored.validFrom, zone),
      ends: instantAt(stored.validTo, zone),
      laterDay: stored.validFrom.slice(0, 10) > today,
      photo: stored.faceSha256 === null ? undefined : { path: this.deps.faces.pathOf(stored.faceSha256) },
    };
  }

  private storeFace(bytes: Uint8Array): string {
    if (imageInfo(bytes)?.format !== 'jpeg') throw new ApiError('invalid_input', 'The visitor’s face photo is not a JPEG.', { issues: [{ path: ['face'], code: 'custom', message: 'photo_format' }] });
    return this.deps.faces.put(bytes);
  }

  private stored(id: number): StoredVisitor {
    const stored = this.deps.table.get(id);
    if (!stored) throw new ApiError('visitor_not_found', `There is no visitor ${id}.`, { id });
    return stored;
  }

  private timeZone(siteId: SiteId): string {
    const site = this.deps.sites.get(siteId);
    if (!site) throw new ApiError('site_not_found', `There is no site ${siteId}.`, { id: siteId });
    return site.timeZone;
  }

  private view(stored: StoredVisitor): Visitor {
    const { faceSha256: _face, ...visitor } = stored;
    const host = this.deps.people.byPin(stored.siteId, stored.hostPin);
    const zone = this.timeZone(stored.siteId);
    const [from, to] = [instantAt(stored.validFrom, zone), instantAt(stored.validTo, zone)];
    const passes = stored.vendorPin === null ? null : this.deps.table.passes(stored.backendId, stored.vendorPin, Math.floor(from.getTime() / 1000), Math.floor(to.getTime() / 1000), zoneOffsetSeconds(to, zone));
    return {
      ...visitor,
      hostName: host ? (JSON.parse(host.fields) as { name?: string }).name ?? null : null,
      arrivedAt: passes?.first ?? null,
      // One pass is the arrival; the last of two or more is when they left.
      leftAt: passes !== null && passes.count >= 2 ? passes.last : null,
    };
  }

  private announce(id: number): Visitor {
    const visitor = this.view(this.stored(id));
    this.deps.bus.emit('visitors.changed', { siteId: visitor.siteId, visitor });
    return visitor;
  }
}

function errorOf(error: unknown): NonNullable<Visitor['error']> {
  if (error instanceof ApiError) {
    const advice = error.details?.['advice'] as NonNullable<Visitor['error']>['advice'] | undefined;
    return { code: error.code, message: error.message, advice: advice ?? null };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), advice: null };
}
