import type { doorTestsMethods } from '../../shared/contract/door-tests.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { DoorTestsService } from './door-tests-service.ts';

/** The `doorTests.*` methods (shared/contract/door-tests.ts). */
export function doorTestsHandlers(doorTests: DoorTestsService): AreaHandlers<typeof doorTestsMethods> {
  return {
    'doorTests.run': (input) => doorTests.run(input),
    'doorTests.cancel': ({ runId }) => doorTests.cancel(runId),
    'doorTests.list': ({ siteId, backendId }) => ({ results: doorTests.list(siteId, backendId) }),
  };
}
