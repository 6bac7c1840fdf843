import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../shared/contract/backends.ts';
import { askBackendsFaceCheck, type BackendFaceVerdict } from '../stores/backend-face-check.ts';
import { useErrorText } from '../use-error-text.ts';


/** Asks each chosen backend's own face check about the captured photo, before saving. */
export function BackendFaceCheck({ jpegBase64, backends }: { jpegBase64: string; backends: readonly Backend[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [checking, setChecking] = useState(false);
  const [verdicts, setVerdicts] = useState<readonly BackendFaceVerdict[]>([]);
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  async function check(): Promise<void> {
    setChecking(true);
    const results = await askBackendsFaceCheck(backends, jpegBase64);
    setVerdicts(results);
    setChecking(false);
  }

  if (backends.length === 0) return null;
  return (
    <div className="enroll-server-check">
      <button type="button" className="button" data-testid="face-server-check" disabled={checking} onClick={() => void check()} title={t('enroll.serverHint')}>
        {checking ? t('enroll.serverChecking') : t('enroll.serverCheck')}
      </button>
      <ul className="hint">
        {verdicts.map((v) => (
          <li key={v.backend.id} data-testid="face-server-verdict" data-backend-id={v.backend.id} data-ok={v.ok}>
            {v.ok
              ? t('enroll.serverOk', { backend: v.backend.name })
              : t('enroll.serverRefused', { backend: v.backend.name, advice: v.error ? errorText(v.error) : (v.advice?.[lang] ?? '') })}
          </li>
        ))}
      </ul>
    </div>
  );
}
