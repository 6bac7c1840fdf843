import type { backendsMethods } from '../../shared/contract/backends.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { BackendsService } from './backends-service.ts';

/** The `backends.*` methods (shared/contract/backends.ts, `backendsMethods`). */
export function backendsHandlers(backends: BackendsService): AreaHandlers<typeof backendsMethods> {
  return {
    'backends.list': ({ siteId }) => ({ backends: backends.list(siteId) }),
    'backends.add': (input) => backends.add(input),
    'backends.update': (input) => backends.update(input),
    'backends.capabilities': ({ id }) => backends.capabilities(id),
    'backends.remove': ({ id }) => backends.remove(id),
    'backends.test': ({ id }) => backends.test(id),
    'backends.inventory': ({ id, refresh }) => backends.inventoryOf(id, refresh),
    'backends.people': ({ id }) => backends.peopleOf(id),
    'backends.call': ({ id, endpoint, params, force }) => backends.call(id, endpoint, params, force),
  };
}
