import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Backend } from '../../../../../shared/contract/backends.ts';
import { api } from '../../../api/client.ts';
import { createWizardStore, isSettled, stepOf } from '../../../stores/wizard.ts';
import { stepsApi } from './steps-api.ts';
import { BindStep, ImportStep } from './hongtu-import-bind.tsx';
import { AuthorityStep, DoorStep, GroupStep } from './hongtu-door-group.tsx';
import { HONGTU_START, HONGTU_STEPS, type HongtuContext } from './hongtu-steps.ts';
import { WizardFrame } from './wizard-frame.tsx';


const STEP_FORMS = { import: ImportStep, bind: BindStep, door: DoorStep, group: GroupStep, authority: AuthorityStep } as const;

/** Hongtu: discovered panel → import → bind to an edge server → door → pass group → authority. */
export function HongtuWizard({ backend, onClose, onFinish }: { readonly backend: Backend; readonly onClose: () => void; readonly onFinish: () => void }) {
  const { t } = useTranslation();
  const [store] = useState(() => createWizardStore<HongtuContext>(HONGTU_STEPS, HONGTU_START));
  const [steps] = useState(() => stepsApi(api, backend.id));
  const current = useStore(store, (s) => s.order[s.current] ?? 'import') as (typeof HONGTU_STEPS)[number];
  const status = useStore(store, (s) => stepOf(s, current).status);
  const context = useStore(store, (s) => s.context);
  const Step = STEP_FORMS[current];

  return (
    <WizardFrame store={store} title={t('wizard.hongtu.title')} intro={t('wizard.hongtu.intro')} stepPrefix="wizard.hongtu" skippable={['bind']} onClose={onClose} onFinish={onFinish}>
      <Step
        key={current}
        steps={steps}
        context={context}
        busy={status === 'running' || status === 'undoing'}
        settled={isSettled(status)}
        run={(action) => void store.getState().run(current, action)}
      />
    </WizardFrame>
  );
}
