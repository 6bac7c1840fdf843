import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import { api } from '../api/client.ts';
import { errorBody } from '../stores/api-error.ts';
import { useErrorText } from '../use-error-text.ts';

interface Verdict {
  readonly backend: Backend;
  readonly ok: boolean;
  readonly advice: { readonly en: string; readonly 'zh-CN': string } | null;
  readonly error: ApiErrorBody | null;
}

/** Asks each chosen backend's own face check about the captured photo, before saving. */
export function BackendFaceCheck({ jpegBase64, backends }: { jpegBase64: string; backends: readonly Backend[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [checking, setChecking] = useState(false);
  const [verdicts, setVerdicts] = useState<readonly Verdict[]>([]);
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  async function check(): Promise<void> {
    setChecking(true);
    const results: Verdict[] = [];
    for (const backend of backends) {
      try {
        const r = await api.call('people.checkFace', { backendId: backend.id, jpegBase64 });
        results.push({ backend, ok: r.ok, advice: r.advice, error: null });
      } catch (error) {
        results.push({ backend, ok: false, advice: null, error: errorBody(error) });
      }
    }
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
