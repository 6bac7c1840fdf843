import type { sitesMethods } from '../../shared/contract/sites.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { SitesService } from './sites-service.ts';

/** The `sites.*` methods (shared/contract/sites.ts). */
export function sitesHandlers(sites: SitesService): AreaHandlers<typeof sitesMethods> {
  return {
    'sites.list': () => sites.state(),
    'sites.create': ({ name, timeZone }) => sites.create(name, timeZone),
    'sites.rename': ({ id, name }) => sites.rename(id, name),
    'sites.setAddress': ({ id, address }) => sites.setAddress(id, address),
    'sites.setTimeZone': ({ id, timeZone }) => sites.setTimeZone(id, timeZone),
    'sites.remove': ({ id }) => sites.remove(id),
    'sites.select': ({ id }) => sites.select(id),
  };
}
