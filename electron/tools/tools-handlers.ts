import type { toolsMethods } from '../../shared/contract/tools.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import { signHongtu } from './tools-service.ts';

/** The `tools.*` methods (shared/contract/tools.ts): the workbench's offline helpers. */
export function toolsHandlers(): AreaHandlers<typeof toolsMethods> {
  return {
    'tools.signHongtu': (input) => signHongtu(input),
  };
}
