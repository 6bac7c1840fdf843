import { useTranslation } from 'react-i18next';
import type { DoorTestStep } from '../../../../shared/contract/door-tests.ts';

/** A test's steps with their time since the start, in the user's language (English as kept when the key is unknown). */
export function StepList({ steps, testId }: { readonly steps: readonly DoorTestStep[]; readonly testId?: string }) {
  const { t } = useTranslation();
  return (
    <ol className="step-list" data-testid={testId}>
      {steps.map((step, index) => (
        <li key={`${index}-${step.ms}`} className="step">
          <span className="step-ms mono">+{step.ms} ms</span>
          <span className="step-what">{t(`doorTestSteps.${step.key}`, { ...step.params, defaultValue: step.what })}</span>
        </li>
      ))}
    </ol>
  );
}
