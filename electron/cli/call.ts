import { ApiError, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract/index.ts';
import type { Core } from '../core/create-core.ts';

/** A contract call from the CLI: the same dispatcher (and so the same checks) as the UI's calls. */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await core.dispatch(method, input);
  if (!reply.ok) throw ApiError.fromBody(reply.error);
  return reply.output as MethodOutput<M>;
}
