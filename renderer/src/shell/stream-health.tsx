import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../date-time.ts';
import { currentLang } from '../i18n.ts';
import { useConnection } from '../stores/connection.ts';
import { useSites } from '../stores/sites.ts';
import { streamHealthStore, useStreamHealth, type StreamHealth } from '../stores/stream-health.ts';

const ICONS = { connected: '●', polling: '◐', stale: '▲', offline: '✕' } as const;

/** The header's event stream of every backend of the site: colour, icon and word; why and since when on click. */
export function StreamHealthIndicator() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const ready = useConnection((s) => s.status === 'ready');
  const streams = useStreamHealth((s) => s.streams);
  useEffect(() => streamHealthStore.getState().watch(), []);
  useEffect(() => {
    if (ready) void streamHealthStore.getState().load(siteId);
  }, [siteId, ready]);
  if (siteId === null || streams.length === 0) return null;
  return (
    <div className="header-field stream-health" data-testid="stream-health" aria-label={t('streams.label')} role="group">
      {streams.map((stream) => (
        <StreamBadge key={stream.backendId} stream={stream} />
      ))}
    </div>
  );
}

function StreamBadge({ stream }: { stream: StreamHealth }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [open, setOpen] = useState(false);
  const word = t(`streams.states.${stream.state}`);
  const reason = stream.reason ? stream.reason[lang === 'zh-CN' ? 'zh-CN' : 'en'] : t('streams.allWell');
  const since = t('streams.since', { time: formatDateTimeSeconds(stream.since, lang) });
  const details = [reason, since, t(`streams.channel.${stream.channel}`)];
  if (stream.lastOkAt) details.push(t('streams.lastOk', { time: formatDateTimeSeconds(stream.lastOkAt, lang) }));
  if (stream.retryAt) details.push(t('streams.retry', { time: formatDateTimeSeconds(stream.retryAt, lang) }));
  return (
    <span className="stream-badge-wrap">
      <button
        type="button"
        className={`stream-badge stream-${stream.state}`}
        data-testid="stream-badge"
        data-backend-id={stream.backendId}
        data-state={stream.state}
        aria-expanded={open}
        title={details.join('\n')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{ICONS[stream.state]}</span> {stream.backendName}: {word}
      </button>
      {open && (
        <div className="stream-popover" role="dialog" aria-label={`${stream.backendName}: ${word}`} data-testid="stream-popover">
          <strong>
            {stream.backendName}: {word}
          </strong>
          {details.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </span>
  );
}
