import type { Backend, Vendor } from '../../../../../shared/contract/backends.ts';
import { inventoryStore } from '../../../stores/inventory.ts';
import { HongtuWizard } from './hongtu-wizard.tsx';
import { ZkbioWizard } from './zkbio-wizard.tsx';

/** Which vendors have guided set-up steps (K30 and Zhejiang add theirs with their drivers). */
export function hasWizard(vendor: Vendor): boolean {
  return vendor === 'hongtu' || vendor === 'zkbio';
}

export function SetupWizard({ backend, onClose }: { readonly backend: Backend; readonly onClose: () => void }) {
  const onFinish = () => {
    void inventoryStore.getState().load(backend.id, true);
    onClose();
  };
  switch (backend.vendor) {
    case 'hongtu':
      return <HongtuWizard backend={backend} onClose={onClose} onFinish={onFinish} />;
    case 'zkbio':
      return <ZkbioWizard backend={backend} onClose={onClose} onFinish={onFinish} />;
    default:
      return null;
  }
}
