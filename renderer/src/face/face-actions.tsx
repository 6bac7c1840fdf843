import { useTranslation } from 'react-i18next';
import type { Status } from './face-frame.ts';

/** Capture by hand (or retake once captured), and resume auto-capture while it waits for the next person. */
export function FaceActions({ status, onCapture, onRetake, onResume }: { status: Status; onCapture: () => void; onRetake: () => void; onResume: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="face-actions">
      {status === 'captured' ? (
        <button type="button" className="button" data-testid="face-retake" onClick={onRetake}>
          {t('face.retake')}
        </button>
      ) : (
        <button type="button" className="button" data-testid="face-capture" disabled={status !== 'running' && status !== 'waiting'} onClick={onCapture}>
          {t('face.capture')}
        </button>
      )}
      {status === 'waiting' ? (
        <button type="button" className="button" data-testid="face-rearm" onClick={onResume}>
          {t('face.rearm')}
        </button>
      ) : null}
    </div>
  );
}
