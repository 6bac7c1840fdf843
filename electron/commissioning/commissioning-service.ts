import type { BackendId, Vendor } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { EndpointCall } from '../drivers/step-reply.ts';

type StepVendor = Extract<Vendor, 'hongtu' | 'zkbio' | 'k30'>;
const VENDOR_NAMES: Readonly<Record<StepVendor, string>> = { hongtu: 'Hongtu 2000', zkbio: 'ZKBio CVSecurity', k30: 'K30' };

/**
 * The set-up steps' endpoint calls for one backend of the steps' vendor (the steps themselves are
 * in drivers/<vendor>/commissioning.ts): through the backends service's `call`, so a write re-reads
 * and announces the inventory parts it changed (drivers/<vendor>/inventory-effects.ts), exactly as
 * `backends.call` does. A backend of another vendor is refused with what to choose instead.
 */
export class CommissioningService {
  private readonly backends: BackendsService;

  constructor(backends: BackendsService) {
    this.backends = backends;
  }

  stepCall(id: BackendId, vendor: StepVendor): EndpointCall {
    const backend = this.backends.get(id);
    if (backend.vendor !== vendor) {
      const name = VENDOR_NAMES[vendor];
      throw new ApiError('backend_unsupported', `Backend ${id} is ${backend.vendor}; these set-up steps are for ${name}.`, {
        advice: { en: `These set-up steps are for ${name}; choose a ${name} backend.`, 'zh-CN': `这些设置步骤适用于 ${name}；请选择 ${name} 后台。` },
      });
    }
    return async (endpoint, params) => (await this.backends.call(id, endpoint, params, false)).data;
  }
}
