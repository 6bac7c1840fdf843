import { useTranslation } from 'react-i18next';

/** The detector's speed, folded away: for whoever looks into a slow camera, not the clerk's screen (issue 12 item 11). */
export function FaceDiagnostics({ fps, backend }: { fps: number; backend: string }) {
  const { t } = useTranslation();
  if (!backend) return null;
  return (
    <details className="face-diagnostics" data-testid="face-diagnostics">
      <summary>{t('face.diagnostics')}</summary>
      <p className="hint" data-testid="face-stats">
        {t('face.stats', { fps, backend })}
      </p>
    </details>
  );
}
