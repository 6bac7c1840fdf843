import type { ComponentType } from 'react';
import type { Backend, Vendor } from '../../../../../shared/contract/backends.ts';
import { inventoryStore } from '../../../stores/inventory.ts';
import { HongtuWizard } from './hongtu-wizard.tsx';
import { K30Wizard } from './k30-wizard.tsx';
import { ZkbioWizard } from './zkbio-wizard.tsx';

interface WizardProps {
  readonly backend: Backend;
  readonly onClose: () => void;
  readonly onFinish: () => void;
}

/** The guided set-up steps of each vendor that has them, one line each (Zhejiang adds its own with its driver). */
const WIZARDS: Partial<Record<Vendor, ComponentType<WizardProps>>> = {
  hongtu: HongtuWizard,
  zkbio: ZkbioWizard,
  k30: K30Wizard,
};

/** Which vendors have guided set-up steps. */
export function hasWizard(vendor: Vendor): boolean {
  return WIZARDS[vendor] !== undefined;
}

export function SetupWizard({ backend, onClose }: { readonly backend: Backend; readonly onClose: () => void }) {
  const onFinish = () => {
    void inventoryStore.getState().load(backend.id, true);
    onClose();
  };
  const Wizard = WIZARDS[backend.vendor];
  return Wizard ? <Wizard backend={backend} onClose={onClose} onFinish={onFinish} /> : null;
}
