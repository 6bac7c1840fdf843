import type { ComponentType } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Backend } from '../../../../../shared/contract/backends.ts';
import { api } from '../../../api/client.ts';
import { createWizardStore, isSettled, stepOf } from '../../../stores/wizard.ts';
import { CallbackStep } from './k30-callback.tsx';
import { DevicesStep } from './k30-devices.tsx';
import { HoldStep } from './k30-hold.tsx';
import { RegionStep } from './k30-region.tsx';
import type { K30StepProps } from './k30-step-props.ts';
import { K30_SKIPPABLE, K30_START, K30_STEPS, type K30Context, type K30Step } from './k30-steps.ts';
import { stepsApi } from './steps-api.ts';
import { WizardFrame } from './wizard-frame.tsx';

/** One form per step of K30_STEPS (a new step: its id there, its form here). */
const K30_STEP_FORMS: Readonly<Record<K30Step, ComponentType<K30StepProps>>> = { devices: DevicesStep, region: RegionStep, hold: HoldStep, callback: CallbackStep };

/** K30: devices (name, direction, region) → region → hold-open test → callback URL. */
export function K30Wizard({ backend, onClose, onFinish }: { readonly backend: Backend; readonly onClose: () => void; readonly onFinish: () => void }) {
  const { t } = useTranslation();
  const [store] = useState(() => createWizardStore<K30Context>(K30_STEPS, K30_START));
  const [steps] = useState(() => stepsApi(api, backend.id));
  const current = useStore(store, (s) => s.order[s.current] ?? 'devices') as K30Step;
  const status = useStore(store, (s) => stepOf(s, current).status);
  const context = useStore(store, (s) => s.context);
  const Step = K30_STEP_FORMS[current];

  return (
    <WizardFrame store={store} title={t('k30Wizard.title')} intro={t('k30Wizard.intro')} stepPrefix="k30Wizard" skippable={K30_SKIPPABLE} onClose={onClose} onFinish={onFinish}>
      <Step
        key={current}
        backendId={backend.id}
        steps={steps}
        context={context}
        busy={status === 'running' || status === 'undoing'}
        settled={isSettled(status)}
        run={(action) => void store.getState().run(current, action)}
      />
    </WizardFrame>
  );
}
