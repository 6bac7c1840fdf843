import type { peopleMethods } from '../../shared/contract/people.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import { queued, type SyncWake } from '../outbox/queued.ts';
import type { FaceThumbnails } from './face-thumbnails.ts';
import type { PeopleService } from './people-service.ts';

/** The `people.*` methods (shared/contract/people.ts, `peopleMethods`); a write wakes the sync engine. */
export function peopleHandlers(deps: { people: PeopleService; backends: BackendsService; thumbnails: FaceThumbnails; sync: SyncWake }): AreaHandlers<typeof peopleMethods> {
  const { people, backends, thumbnails, sync } = deps;
  return {
    'people.enroll': (input) => queued(sync, people.enroll(input)),
    'people.update': (input) => queued(sync, people.update(input)),
    'people.checkFace': ({ backendId, jpegBase64 }) => backends.checkFace(backendId, Buffer.from(jpegBase64, 'base64')),
    'people.idNumberOwner': ({ siteId, idNumber, exceptPin }) => ({ owner: people.idNumberOwner(siteId, idNumber, exceptPin) }),
    'people.checkPhoto': ({ backendIds, photoBase64 }) => people.checkPhoto(backendIds, Buffer.from(photoBase64, 'base64')),
    'people.list': ({ siteId }) => ({ people: people.list(siteId) }),
    'people.syncStates': ({ siteId }) => ({ states: people.syncStates(siteId) }),
    'people.faceThumbnail': async ({ id }) => ({ jpegBase64: await thumbnails.of(id) }),
    'people.remove': ({ id }) => queued(sync, people.remove(id)),
  };
}
