import type { toolsMethods } from '../../shared/contract/tools.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import { openK30, signHongtu, signK30 } from './tools-service.ts';

/** The `tools.*` methods (shared/contract/tools.ts): the workbench's offline helpers. */
export function toolsHandlers(): AreaHandlers<typeof toolsMethods> {
  return {
    'tools.signHongtu': (input) => signHongtu(input),
    'tools.signK30': (input) => signK30(input),
    'tools.openK30': (input) => openK30(input),
  };
}
