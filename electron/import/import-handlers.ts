import type { importsMethods } from '../../shared/contract/imports.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import { queued, type SyncWake } from '../outbox/queued.ts';
import type { ImportService } from './import-service.ts';
import { readTemplate } from './template-files.ts';

/** The `imports.*` methods and `people.exportTable` (shared/contract/imports.ts); an import run wakes the sync engine. */
export function importsHandlers(deps: { imports: ImportService; sync: SyncWake; resourcesDir: string }): AreaHandlers<typeof importsMethods> {
  const { imports, sync, resourcesDir } = deps;
  return {
    'imports.begin': ({ siteId, fileName, base64 }) => imports.begin(siteId, fileName, base64),
    'imports.appendTable': ({ importId, base64 }) => imports.appendTable(importId, base64),
    'imports.addPhoto': ({ importId, fileName, base64, append }) => imports.addPhoto(importId, fileName, base64, append),
    'imports.plan': ({ importId, faceCheck, forcePhoto }) => imports.plan(importId, { faceCheck, forcePhoto }),
    'imports.run': async ({ importId, targets }) => queued(sync, await imports.run(importId, targets)),
    'imports.cancel': ({ importId }) => imports.cancel(importId),
    'imports.rejectedCsv': ({ importId, lang }) => imports.rejectedCsv(importId, lang),
    'imports.template': ({ format }) => readTemplate(resourcesDir, format),
    'people.exportTable': ({ siteId, format }) => imports.exportPeople(siteId, format),
  };
}
