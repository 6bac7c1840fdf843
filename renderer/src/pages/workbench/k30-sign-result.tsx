import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { Badge } from '../../components/badge.tsx';
import { currentLang } from '../../i18n.ts';
import { K30_DOCUMENT_SIGN } from './k30-sign-check.ts';
import { CopyButton } from './sign-result.tsx';

interface Fact {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** Shown instead of an empty value (the value copied stays ""). */
  readonly empty?: string;
}

function Facts({ rows }: { readonly rows: readonly Fact[] }) {
  return (
    <dl className="facts">
      {rows.map(({ id, label, value, empty }) => (
        <div key={id} className="fact">
          <dt>{label}</dt>
          <dd className="copy-row">
            <code className="mono selectable" data-testid={`k30wb-${id}`}>
              {value === '' ? (empty ?? '""') : value}
            </code>
            <CopyButton value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A request signed: what is hashed, the sign, and `data` encrypted as it goes on the wire. */
export function K30SignResult({ result }: { readonly result: MethodOutput<'tools.signK30'> }) {
  const { t } = useTranslation();
  const rows: Fact[] = [
    { id: 'stringToSign', label: t('workbenchK30.result.stringToSign'), value: result.stringToSign },
    { id: 'result-sign', label: 'sign', value: result.sign },
    { id: 'result-data', label: t('workbenchK30.result.data'), value: result.data ?? '', empty: t('workbenchK30.result.noData') },
    { id: 'result-envelope', label: t('workbenchK30.result.envelope'), value: JSON.stringify(result.envelope) },
  ];
  return (
    <section className="card sign-result" aria-labelledby="k30-sign-result-title" data-testid="k30wb-result">
      <h2 id="k30-sign-result-title" className="card-title">
        {t('workbenchK30.result.title')}
      </h2>
      <Facts rows={rows} />
      {result.sign === K30_DOCUMENT_SIGN && (
        <p className="matches-doc">
          <Badge tone="ok">{t('workbenchK30.result.matchesDocument')}</Badge>
        </p>
      )}
    </section>
  );
}

/** A received envelope opened: `data` in plaintext and the sign worked out both ways (§2.3, E7). */
export function K30OpenResult({ result }: { readonly result: MethodOutput<'tools.openK30'> }) {
  const { t } = useTranslation();
  if (!result.opened) {
    return (
      <section className="card sign-result" data-testid="k30wb-open-result">
        <div className="alert alert-error" role="alert" data-testid="k30wb-not-opened" data-reason={result.reason}>
          <p className="alert-text">{t('workbenchK30.result.notOpened', { advice: result.advice[currentLang()] })}</p>
        </div>
      </section>
    );
  }
  const verified = result.verdict === 'empty-dropped' || result.verdict === 'empty-kept';
  const rows: Fact[] = [
    { id: 'plaintext', label: t('workbenchK30.result.plaintext'), value: result.json, empty: t('workbenchK30.result.noData') },
    { id: 'received', label: t('workbenchK30.result.received'), value: result.received ?? '', empty: t('workbenchK30.result.none') },
  ];
  return (
    <section className="card sign-result" aria-labelledby="k30-open-result-title" data-testid="k30wb-open-result">
      <h2 id="k30-open-result-title" className="card-title">
        {t('workbenchK30.result.openTitle')}
      </h2>
      <p className="matches-doc" data-testid="k30wb-verdict" data-verdict={result.verdict}>
        <Badge tone={verified ? 'ok' : 'warn'}>{t(`workbenchK30.result.verdicts.${result.verdict}`)}</Badge>
      </p>
      {result.plaintext && <p className="field-hint">{t('workbenchK30.result.cameAsPlaintext')}</p>}
      <Facts rows={rows} />
      {result.variants.map((v) => (
        <div key={v.variant} className="k30-variant" data-testid={`k30wb-variant-${v.variant}`} data-matches={v.matches}>
          <h3 className="field-label">
            {t(`workbenchK30.result.variants.${v.variant}`)}{' '}
            {result.received !== null && <Badge tone={v.matches ? 'ok' : 'neutral'}>{t(v.matches ? 'workbenchK30.result.matches' : 'workbenchK30.result.differs')}</Badge>}
          </h3>
          <Facts
            rows={[
              { id: `${v.variant}-stringToSign`, label: t('workbenchK30.result.stringToSign'), value: v.stringToSign },
              { id: `${v.variant}-sign`, label: 'sign', value: v.sign },
            ]}
          />
        </div>
      ))}
    </section>
  );
}
