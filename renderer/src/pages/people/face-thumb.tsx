import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

/** Thumbnails already fetched this session, by face (a face's bytes never change under its hash). */
const fetched = new Map<string, string | null>();

/**
 * A person's face, small: fetched from the core (people.faceThumbnail, a 96 px JPEG) only once
 * its row scrolls into view, so a site of thousands asks for the few on screen.
 */
export function FaceThumb({ personId, faceSha256, name }: { readonly personId: number; readonly faceSha256: string | null; readonly name: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLSpanElement>(null);
  const [loaded, setLoaded] = useState<{ readonly sha256: string; readonly url: string | null } | null>(null);
  const [visible, setVisible] = useState(false);
  const src = faceSha256 ? (fetched.get(faceSha256) ?? (loaded?.sha256 === faceSha256 ? loaded.url : null)) : null;

  useEffect(() => {
    const element = holder.current;
    if (!element || !faceSha256 || visible) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [faceSha256, visible]);

  useEffect(() => {
    if (!faceSha256 || !visible || fetched.has(faceSha256)) return;
    let live = true;
    api
      .call('people.faceThumbnail', { id: personId })
      .then(({ jpegBase64 }) => {
        const url = jpegBase64 ? `data:image/jpeg;base64,${jpegBase64}` : null;
        fetched.set(faceSha256, url);
        if (live) setLoaded({ sha256: faceSha256, url });
      })
      .catch(() => {
        // No thumbnail is not worth a message: the cell says "no photo" in words.
      });
    return () => {
      live = false;
    };
  }, [faceSha256, personId, visible]);

  return (
    <span ref={holder} className="face-thumb" data-testid="person-photo" data-has-face={faceSha256 ? 'true' : 'false'}>
      {src ? <img src={src} alt={t('people.photoOf', { name })} width={40} height={40} data-testid="person-thumb" /> : faceSha256 ? null : <span className="face-thumb-none">{t('people.photoNo')}</span>}
    </span>
  );
}
