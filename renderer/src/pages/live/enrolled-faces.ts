import { useEffect, useState } from 'react';
import { api, type ApiClient } from '../../api/client.ts';

/**
 * Doorman's enrolled face of a personnel number, read once per person and kept for the page: the
 * site's people by pin (`people.list`), then that person's thumbnail (`people.faceThumbnail`).
 */
export function createEnrolledFaces(client: ApiClient) {
  let siteId: number | null = null;
  let people: Promise<Map<string, number>> | null = null;
  const faces = new Map<string, Promise<string | null>>();
  return {
    face(site: number, pin: string): Promise<string | null> {
      if (site !== siteId) {
        siteId = site;
        people = null;
        faces.clear();
      }
      people ??= client.call('people.list', { siteId: site }).then(({ people: list }) => new Map(list.map((p) => [p.fields.pin, p.id])));
      let face = faces.get(pin);
      if (!face) {
        face = people
          .then((byPin) => {
            const id = byPin.get(pin);
            return id === undefined ? null : client.call('people.faceThumbnail', { id }).then(({ jpegBase64 }) => (jpegBase64 ? `data:image/jpeg;base64,${jpegBase64}` : null));
          })
          .catch(() => null);
        faces.set(pin, face);
      }
      return face;
    },
  };
}

const enrolledFaces = createEnrolledFaces(api);

/** The enrolled face (a data URL), read when the row is drawn (only visible rows are). */
export function useEnrolledFace(siteId: number, pin: string | null): string | null {
  const key = `${siteId}:${pin ?? ''}`;
  const [found, setFound] = useState<{ key: string; url: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    if (pin) void enrolledFaces.face(siteId, pin).then((url) => live && setFound({ key: `${siteId}:${pin}`, url }));
    return () => {
      live = false;
    };
  }, [siteId, pin]);
  return found?.key === key ? found.url : null;
}
