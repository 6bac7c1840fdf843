import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../shared/rules/face-checks.ts';

/** What to do now (or why a manual capture was refused), and each quality check passed or failed. */
export function FaceGuidance({ guideKey, refusedKey, checks }: { guideKey: string; refusedKey: string | null; checks: readonly CheckResult[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={`face-guidance${refusedKey !== null ? ' field-error' : ''}`} data-testid="face-guidance" role="status" aria-live="polite">
        {refusedKey !== null ? t('face.refused', { reason: t(refusedKey) }) : t(guideKey)}
      </p>
      <ul className="face-checks">
        {checks.map((c) => (
          <li key={c.id} data-testid="face-check" data-check={c.id} data-ok={c.ok ? 'true' : 'false'} className={c.ok ? 'face-check-ok' : 'face-check-fail'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {t(`face.check.${c.id}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
