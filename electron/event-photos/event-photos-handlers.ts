import type { eventPhotosMethods } from '../../shared/contract/event-photos.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { EventPhotosService } from './event-photos-service.ts';

/** The `eventPhotos.*` methods (shared/contract/event-photos.ts). */
export function eventPhotosHandlers(photos: EventPhotosService): AreaHandlers<typeof eventPhotosMethods> {
  return {
    'eventPhotos.captured': ({ backendId, eventId }) => photos.captured(backendId, eventId),
  };
}
