import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { Badge } from '../../components/badge.tsx';
import { DOCUMENT_CSIGN } from './hongtu-sign-check.ts';

type Signed = MethodOutput<'tools.signHongtu'>;

/** The pieces of the signature, each copyable, and the four headers as they are sent. */
export function SignResult({ result }: { readonly result: Signed }) {
  const { t } = useTranslation();
  const rows: readonly [string, string, string][] = [
    ['requestBodyMD5', t('workbench.result.bodyMd5'), result.requestBodyMD5],
    ['stringToSign', t('workbench.result.stringToSign'), result.stringToSign],
    ['csign', 'csign', result.sign],
    ['ctimestamp', 'ctimestamp', result.ctimestamp],
    ['cnonce', 'cnonce', result.cnonce],
    ['cappkey', 'cappkey', result.cappkey],
  ];
  return (
    <section className="card sign-result" aria-labelledby="sign-result-title" data-testid="workbench-result">
      <h2 id="sign-result-title" className="card-title">
        {t('workbench.result.title')}
      </h2>
      <dl className="facts">
        {rows.map(([id, label, value]) => (
          <div key={id} className="fact">
            <dt>{label}</dt>
            <dd className="copy-row">
              <code className="mono selectable" data-testid={id === 'csign' ? 'workbench-csign' : `workbench-${id}`}>
                {value === '' ? '""' : value}
              </code>
              <CopyButton value={value} />
            </dd>
          </div>
        ))}
      </dl>
      {result.sign === DOCUMENT_CSIGN && <p className="matches-doc"><Badge tone="ok">{t('workbench.result.matchesDocument')}</Badge></p>}
    </section>
  );
}

export function CopyButton({ value }: { readonly value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }, () => setCopied(false));
      }}
    >
      {copied ? t('workbench.copied') : t('workbench.copy')}
    </button>
  );
}
