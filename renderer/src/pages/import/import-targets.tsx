import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import { TargetPicker, type Targets } from '../../components/target-picker.tsx';
import { useImports } from '../../stores/imports.ts';

/** Step 3: the backends the import goes to (fixed once the import runs). */
export function ImportTargets({ backends, targets, onChange }: { backends: readonly Backend[]; targets: Targets; onChange: (next: Targets) => void }) {
  const { t } = useTranslation();
  const phase = useImports((s) => s.phase);

  return (
    <section className="card" aria-labelledby="import-targets-title">
      <h2 className="card-title" id="import-targets-title">
        {t('importPage.targetsStep')}
      </h2>
      <TargetPicker backends={backends} targets={targets} onChange={onChange} testIdPrefix="import" disabled={phase === 'running' || phase === 'done'} />
    </section>
  );
}
