import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../../shared/i18n/format-time.ts';
import { currentLang } from '../../i18n.ts';
import { useCapturedPhoto, type ShownPhoto } from './captured-photos.ts';
import { useEnrolledFace } from './enrolled-faces.ts';
import { resultOf, standsOut, type LiveRow } from '../../stores/live-feed.ts';
import type { FeedRow } from '../../stores/live-door-actions.ts';
import { CausedBy, DoorActionRowView } from './door-action-cells.tsx';

// Symbols every system font draws (⛔ comes out as a box on Linux without an emoji font).
const RESULT_ICONS = { passed: '✓', denied: '✕', stranger: '⚠', visitor: '☺', other: '•' } as const;

type RowProps = { row: FeedRow; siteId: number; timeZone: string; onPhotos: (row: LiveRow, enrolled: string | null, captured: ShownPhoto | null) => void };

/**
 * One row of the feed: an event, or a door action whose event has not come (door-action-cells.tsx).
 * Memoized: when events arrive the list shifts, and rows already drawn are not drawn again.
 */
export const LiveRowView = memo(function LiveRowView(props: RowProps) {
  const { doorAction } = props.row;
  return doorAction ? <DoorActionRowView row={{ ...props.row, doorAction }} timeZone={props.timeZone} /> : <EventRowView {...props} />;
});

/** One event: time, door, direction, person, mode, result; the enrolled face beside the captured one; the guard who caused it. */
function EventRowView({ row, siteId, timeZone, onPhotos }: RowProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { event } = row;
  const result = resultOf(event);
  const alert = standsOut(event);
  const enrolled = useEnrolledFace(siteId, event.personPin);
  const captured = useCapturedPhoto(row.backendId, event.eventId, event.capturedPhotoUrl);
  const direction = event.direction === 'in' || event.direction === 'out' ? t(`live.directions.${event.direction}`) : '';
  return (
    <div className={`live-row${alert ? ` live-row-${alert}` : ''}`} data-testid="live-row" data-key={row.key} data-kind={event.kind} data-result={result} data-backend-id={row.backendId}>
      <span className="live-cell live-time">
        {formatTime(row.at, lang, { timeZone, seconds: true, part: 'time' })}
        <small>{formatTime(row.at, lang, { timeZone, part: 'date' })}</small>
      </span>
      <span className="live-cell live-door" title={event.doorName ?? event.doorId ?? ''}>
        {event.doorName ?? event.doorId ?? event.deviceSerial ?? ''}
        <small>{row.backendName}</small>
      </span>
      <span className="live-cell live-dir">{direction}</span>
      <span className="live-cell live-person">
        {[event.personPin, event.personName].filter(Boolean).join(' ')}
        {row.cause && <CausedBy action={row.cause} timeZone={timeZone} />}
      </span>
      <span className="live-cell live-mode">{event.verifyMode ?? ''}</span>
      <span className={`live-cell live-result result-${result}`} data-testid="live-result">
        <span aria-hidden="true">{RESULT_ICONS[result]}</span> {t(`live.results.${result}`)}
      </span>
      <button type="button" className="live-photos" data-testid="live-photos" aria-label={t('live.photosTitle', { person: event.personName ?? event.personPin ?? '' })} onClick={() => onPhotos(row, enrolled, captured)}>
        {enrolled ? <img src={enrolled} alt={t('live.enrolled')} data-testid="live-enrolled" /> : <span className="live-nophoto">{t('live.noPhoto')}</span>}
        <CapturedPhoto photo={captured} testId="live-captured" />
      </button>
    </div>
  );
}

/** The captured photo, or in words why there is none (link expired, backend not answering…). */
function CapturedPhoto({ photo, testId }: { photo: ShownPhoto | null; testId?: string }) {
  const { t } = useTranslation();
  if (photo?.src) return <img src={photo.src} alt={t('live.captured')} data-testid={testId} />;
  const problem = photo?.problem ?? null;
  return (
    <span className="live-nophoto" data-testid={testId ? `${testId}-missing` : undefined} data-problem={problem ?? 'loading'} title={problem ? t(`eventPhotos.problem.${problem}`) : undefined}>
      {problem === null ? t('eventPhotos.loading') : problem === 'none' ? t('live.noPhoto') : t(`eventPhotos.problem.${problem}`)}
    </span>
  );
}

/** Both photos large, side by side. */
export function PhotoDialog({ row, enrolled, captured, onClose }: { row: LiveRow; enrolled: string | null; captured: ShownPhoto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const person = [row.event.personPin, row.event.personName].filter(Boolean).join(' ');
  return (
    <dialog ref={ref} className="live-photo-dialog" data-testid="live-photo-dialog" onClose={onClose} aria-label={t('live.photosTitle', { person })}>
      <h2>{t('live.photosTitle', { person })}</h2>
      <div className="live-photo-pair">
        <figure>
          {enrolled ? <img src={enrolled} alt={t('live.enrolled')} /> : <span className="live-nophoto">{t('live.noPhoto')}</span>}
          <figcaption>{t('live.enrolled')}</figcaption>
        </figure>
        <figure>
          <CapturedPhoto photo={captured} />
          <figcaption>{t('live.captured')}</figcaption>
        </figure>
      </div>
      <button type="button" className="button" onClick={() => ref.current?.close()}>
        {t('live.close')}
      </button>
    </dialog>
  );
}
