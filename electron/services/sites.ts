import { ApiError } from '../../shared/contract/errors.ts';
import type { Site, SiteId, SitesState } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { SitesStore } from '../store/sites-store.ts';

/** Sites: the rules (unique names, current site) on top of the store, announcing every change. */
export class SitesService {
  private readonly store: SitesStore;
  private readonly bus: EventBus;
  private readonly now: () => Date;

  constructor(store: SitesStore, bus: EventBus, now: () => Date = () => new Date()) {
    this.store = store;
    this.bus = bus;
    this.now = now;
  }

  state(): SitesState {
    return { sites: this.store.list(), currentSiteId: this.store.currentId() };
  }

  create(name: string): Site {
    this.assertNameFree(name);
    const site = this.store.insert(name, this.now().toISOString());
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

function notFound(id: SiteId): ApiError {
  return new ApiError('site_not_found', `There is no site ${id}.`, { id });
}
