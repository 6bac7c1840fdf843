import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localTimeZone } from '../../../../shared/i18n/format-time.ts';
import { useConnection } from '../../stores/connection.ts';
import { liveStore, useLive } from '../../stores/live.ts';
import { currentSiteTimeZone, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { DoorsPanel } from './doors-panel.tsx';
import { doorsOf, filterRows, newCount, type LiveRow } from '../../stores/live-feed.ts';
import { withDoorActions } from '../../stores/live-door-actions.ts';
import { LiveFiltersBar } from './live-filters.tsx';
import { VirtualList } from './live-list.tsx';
import type { ShownPhoto } from './captured-photos.ts';
import { LiveRowView, PhotoDialog } from './live-row.tsx';
import { useFillHeight } from './fill-height.ts';
import './live.css';

const ROW_HEIGHT = 64;

/** The guard room's live feed: every backend of the site, newest first, with the doors panel. */
export function LivePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const timeZone = useSites((s) => currentSiteTimeZone(s)) ?? localTimeZone();
  const ready = useConnection((s) => s.status === 'ready');
  const rows = useLive((s) => s.rows);
  const pending = useLive((s) => s.pending);
  const filters = useLive((s) => s.filters);
  const paused = useLive((s) => s.paused);
  const next = useLive((s) => s.next);
  const loading = useLive((s) => s.loading);
  const error = useLive((s) => s.error);
  const actions = useLive((s) => s.actions);
  const backendNames = useLive((s) => s.backendNames);
  const scrollRef = useRef<HTMLDivElement>(null);
  const feedTop = useRef<HTMLDivElement>(null);
  const listHeight = useFillHeight(feedTop);
  const [photos, setPhotos] = useState<{ row: LiveRow; enrolled: string | null; captured: ShownPhoto | null } | null>(null);
  const onPhotos = useCallback((row: LiveRow, enrolled: string | null, captured: ShownPhoto | null) => setPhotos({ row, enrolled, captured }), []);

  useEffect(() => liveStore.getState().watch(), []);
  useEffect(() => {
    if (ready) void liveStore.getState().load(siteId);
  }, [siteId, ready]);

  // Door actions beside the events they caused, or on rows of their own (live-door-actions.ts).
  const feed = useMemo(() => withDoorActions(rows, actions, backendNames, next === null), [rows, actions, backendNames, next]);
  const shown = useMemo(() => filterRows(feed, filters), [feed, filters]);
  const doors = useMemo(() => doorsOf(rows), [rows]);
  const waiting = newCount({ rows, pending }, filters);

  if (siteId === null) {
    return (
      <section className="page">
        <h1>{t('live.title')}</h1>
        <p>{t('live.noSite')}</p>
      </section>
    );
  }

  return (
    <section className="page live-page" data-testid="live-page">
      <h1>{t('live.title')}</h1>
      <p className="page-intro">{t('live.intro', { zone: timeZone })}</p>
      <div className="live-layout">
        <div className="live-main">
          <LiveFiltersBar doors={doors} />
          <div className="live-toolbar">
            <button type="button" className="button" data-testid="live-pause" aria-pressed={paused} onClick={() => liveStore.getState().setPaused(!paused)}>
              {paused ? t('live.resume') : t('live.pause')}
            </button>
            {waiting > 0 && (
              <button
                type="button"
                className="button button-primary"
                data-testid="live-new"
                data-count={waiting}
                onClick={() => {
                  liveStore.getState().showNew();
                  scrollRef.current?.scrollTo({ top: 0 });
                }}
              >
                {t('live.newEvents', { count: waiting })}
              </button>
            )}
            <span className="live-count" data-testid="live-count">
              {t('live.shown', { count: shown.length })}
            </span>
          </div>
          {error && (
            <p className="error" role="alert">
              {errorText(error)}
            </p>
          )}
          <div className="live-head" aria-hidden="true" ref={feedTop}>
            {(['time', 'door', 'direction', 'person', 'mode', 'result', 'photos'] as const).map((c) => (
              <span key={c}>{t(`live.columns.${c}`)}</span>
            ))}
          </div>
          {shown.length === 0 && !loading ? (
            <p data-testid="live-empty">{rows.length === 0 ? t('live.empty') : t('live.emptyFiltered')}</p>
          ) : (
            <VirtualList
              items={shown}
              rowHeight={ROW_HEIGHT}
              height={listHeight}
              itemKey={(row) => row.key}
              renderRow={(row) => <LiveRowView row={row} siteId={siteId} timeZone={timeZone} onPhotos={onPhotos} />}
              onTop={(atTop) => {
                liveStore.getState().setAtTop(atTop);
                if (atTop && !liveStore.getState().paused) liveStore.getState().showNew();
              }}
              scrollRef={scrollRef}
              testId="live-feed"
            />
          )}
          {next && (
            <button type="button" className="button" data-testid="live-older" disabled={loading} onClick={() => void liveStore.getState().older()}>
              {t('live.older')}
            </button>
          )}
        </div>
        <aside className="live-aside">
          <DoorsPanel siteId={siteId} />
        </aside>
      </div>
      {photos && <PhotoDialog row={photos.row} enrolled={photos.enrolled} captured={photos.captured} onClose={() => setPhotos(null)} />}
    </section>
  );
}
