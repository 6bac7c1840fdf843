import type { BackendId } from '../../../../../shared/contract/backends.ts';
import type { CommissioningMethod } from '../../../../../shared/contract/commissioning.ts';
import type { MethodInput, MethodOutput } from '../../../../../shared/contract/index.ts';
import type { ApiClient } from '../../../api/client.ts';

/**
 * A backend's set-up steps (`commissioning.*` in shared/contract/commissioning.ts), the backend's id
 * filled in. The core carries each step out with the vendor's endpoints and announces what changed.
 */
export type StepsApi = <M extends CommissioningMethod>(method: M, input: Omit<MethodInput<M>, 'id'>) => Promise<MethodOutput<M>>;

export function stepsApi(client: ApiClient, id: BackendId): StepsApi {
  return <M extends CommissioningMethod>(method: M, input: Omit<MethodInput<M>, 'id'>) => client.call(method, { ...input, id } as MethodInput<M>);
}
