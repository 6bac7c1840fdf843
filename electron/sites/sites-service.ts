import { ApiError } from '../../shared/contract/errors.ts';
import type { Site, SiteId, SitesState } from '../../shared/contract/sites.ts';
import { localTimeZone } from '../../shared/i18n/format-time.ts';
import { isTimeZone } from '../../shared/rules/time-zones.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { SitesTable } from '../store/sites-table.ts';

/** Sites: the rules (unique names, current site) on top of the store, announcing every change. */
export class SitesService {
  private readonly store: SitesTable;
  private readonly bus: EventBus;
  private readonly now: () => Date;

  constructor(store: SitesTable, bus: EventBus, now: () => Date = () => new Date()) {
    this.store = store;
    this.bus = bus;
    this.now = now;
  }

  state(): SitesState {
    return { sites: this.store.list(), currentSiteId: this.store.currentId() };
  }

  /** A new site, in `timeZone` or, without one, in the zone of the computer running the core. */
  create(name: string, timeZone?: string): Site {
    if (timeZone !== undefined) assertTimeZone(timeZone);
    this.assertNameFree(name);
    const site = this.store.insert(name, this.now().toISOString(), timeZone ?? localTimeZone());
    this.changed();
    return site;
  }

  rename(id: SiteId, name: string): Site {
    this.assertNameFree(name, id);
    const site = this.store.rename(id, name, this.now().toISOString());
    if (!site) throw notFound(id);
    this.changed();
    return site;
  }

  setAddress(id: SiteId, address: string): Site {
    const site = this.store.setAddress(id, address, this.now().toISOString());
    if (!site) throw notFound(id);
    this.changed();
    return site;
  }

  setTimeZone(id: SiteId, timeZone: string): Site {
    assertTimeZone(timeZone);
    const site = this.store.setTimeZone(id, timeZone, this.now().toISOString());
    if (!site) throw notFound(id);
    this.changed();
    return site;
  }

  remove(id: SiteId): { id: SiteId } {
    if (!this.store.remove(id)) throw notFound(id);
    this.changed();
    return { id };
  }

  select(id: SiteId | null): { currentSiteId: SiteId | null } {
    if (id !== null && !this.store.get(id)) throw notFound(id);
    this.store.setCurrent(id);
    this.changed();
    return { currentSiteId: id };
  }

  private assertNameFree(name: string, except?: SiteId): void {
    const existing = this.store.findByName(name);
    if (existing && existing.id !== except) {
      throw new ApiError('site_name_taken', `A site named "${existing.name}" already exists.`, {
        name: existing.name,
        id: existing.id,
      });
    }
  }

  private changed(): void {
    this.bus.emit('sites.changed', this.state());
  }
}

/** A zone from the runtime's list, or the computer's own (which the list may spell otherwise, e.g. an alias). */
function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone) && timeZone !== localTimeZone()) {
    throw new ApiError('site_time_zone_unknown', `No such time zone: "${timeZone}". Pick one from the list (IANA names such as Asia/Shanghai).`, { timeZone });
  }
}

function notFound(id: SiteId): ApiError {
  return new ApiError('site_not_found', `There is no site ${id}.`, { id });
}
