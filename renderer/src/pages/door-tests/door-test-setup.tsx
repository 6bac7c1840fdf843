import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { offeredDoorTests } from '../../../../shared/rules/door-test-offers.ts';
import { announce } from '../../stores/status.ts';
import { checkPlan } from '../../stores/door-test-plan.ts';
import { doorTestRunsStore, useDoorTestRuns } from '../../stores/door-test-runs.ts';
import { useDoorTestSetup } from '../../stores/door-test-setup.ts';
import { useErrorText } from '../../use-error-text.ts';
import { BackendPicker } from './backend-picker.tsx';
import { DoorPicker } from './door-picker.tsx';
import { TestSettings } from './test-settings.tsx';

/** The "what to test" card: backend, doors, test and its settings, and Run. */
export function DoorTestSetup() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const backends = useDoorTestSetup((s) => s.backends);
  const backendId = useDoorTestSetup((s) => s.backendId);
  const doors = useDoorTestSetup((s) => s.inventory?.doors ?? null);
  const selectedDoorIds = useDoorTestSetup((s) => s.selectedDoorIds);
  const form = useDoorTestSetup((s) => s.form);
  const capabilities = useDoorTestSetup((s) => s.capabilities);
  const error = useDoorTestSetup((s) => s.error);
  const running = useDoorTestRuns((s) => s.batch?.state === 'running');
  // Problems show once the user tried to run, then follow the edits.
  const [attempted, setAttempted] = useState(false);

  const check = checkPlan({ backendId, doors: doors ?? [], selectedDoorIds, form, offeredTests: offeredDoorTests(capabilities) });
  const problems = attempted && !check.ok ? check.problems : {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!check.ok || running) return;
    setAttempted(false);
    await doorTestRunsStore.getState().run(check.plan);
    const batch = doorTestRunsStore.getState().batch;
    if (batch) announce('doorTests.announceDone', { count: batch.done, passed: batch.passed, failed: batch.done - batch.passed });
  }

  if (backends !== null && backends.length === 0) {
    return (
      <p className="card empty" data-testid="doortest-no-backends">
        {t('doorTests.noBackends')}
      </p>
    );
  }

  return (
    <form className="card door-test-setup" onSubmit={submit} noValidate aria-labelledby="door-test-setup-title">
      <h2 id="door-test-setup-title" className="card-title">
        {t('doorTests.setupTitle')}
      </h2>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="page-error">
          <p className="alert-text">{errorText(error)}</p>
        </div>
      )}
      <BackendPicker disabled={running} />
      <DoorPicker disabled={running} problem={problems.doors} />
      <TestSettings disabled={running} problems={problems} />
      <div className="door-test-actions">
        <button type="submit" className="button button-primary" disabled={running || backendId === null} data-testid="doortest-run">
          {t('doorTests.run')}
        </button>
      </div>
    </form>
  );
}
