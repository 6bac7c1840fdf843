/**
 * English: why the Live page shows no captured photo for an event (issue 15 item 2). Keys shared
 * with event-photos.zh-CN.ts; spread into en.ts.
 */
export const eventPhotosEn = {
  eventPhotos: {
    loading: 'Loading…',
    problem: {
      none: 'No photo',
      expired: 'Photo link expired. The backend’s own client may still show it.',
      unreachable: 'Photo not loaded: the backend did not answer. It is tried again when the row is shown again.',
      'not-image': 'The backend’s photo is not a JPEG or PNG picture.',
      'too-large': 'The backend’s photo is too large to show (over 2 MB).',
    },
  },
};
