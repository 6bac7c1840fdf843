import { alarmsMethods } from '../../shared/contract/alarms.ts';
import { appMethods } from '../../shared/contract/app.ts';
import { backendsMethods, receiversMethods } from '../../shared/contract/backends.ts';
import { commissioningMethods } from '../../shared/contract/commissioning.ts';
import { doorTestsMethods } from '../../shared/contract/door-tests.ts';
import { eventsMethods } from '../../shared/contract/events.ts';
import { historyMethods } from '../../shared/contract/history.ts';
import { importsMethods } from '../../shared/contract/imports.ts';
import { outboxMethods, peopleMethods } from '../../shared/contract/people.ts';
import { reportsMethods } from '../../shared/contract/reports.ts';
import { scanMethods } from '../../shared/contract/scan.ts';
import { sitesMethods } from '../../shared/contract/sites.ts';
import { toolsMethods } from '../../shared/contract/tools.ts';
import { visitorsMethods } from '../../shared/contract/visitors.ts';
import { doorsMethods } from '../../shared/contract/doors.ts';
import { eventPhotosMethods } from '../../shared/contract/event-photos.ts';
import { bridgeMethods } from '../../shared/contract/bridges.ts';

/**
 * The capabilities of the core, one per table of the contract (`<area>Methods`): each has its
 * folder in electron/ with `<folder>-service.ts` (the work) and `<folder>-handlers.ts` exporting
 * `<area>Handlers`, a handler table of exactly that contract table's methods. The folder is the
 * area's name in kebab case, except `import/` (the contract says `imports`).
 */
export const CAPABILITIES: readonly { readonly area: string; readonly folder: string; readonly methods: object }[] = [
  { area: 'app', folder: 'app', methods: appMethods },
  { area: 'sites', folder: 'sites', methods: sitesMethods },
  { area: 'backends', folder: 'backends', methods: backendsMethods },
  { area: 'commissioning', folder: 'commissioning', methods: commissioningMethods },
  { area: 'receivers', folder: 'receivers', methods: receiversMethods },
  { area: 'doorTests', folder: 'door-tests', methods: doorTestsMethods },
  { area: 'reports', folder: 'reports', methods: reportsMethods },
  { area: 'tools', folder: 'tools', methods: toolsMethods },
  { area: 'people', folder: 'people', methods: peopleMethods },
  { area: 'outbox', folder: 'outbox', methods: outboxMethods },
  { area: 'imports', folder: 'import', methods: importsMethods },
  { area: 'scan', folder: 'scan', methods: scanMethods },
  { area: 'events', folder: 'events', methods: eventsMethods },
  { area: 'alarms', folder: 'alarms', methods: alarmsMethods },
  { area: 'history', folder: 'history', methods: historyMethods },
  { area: 'visitors', folder: 'visitors', methods: visitorsMethods },
  { area: 'doors', folder: 'doors', methods: doorsMethods },
  { area: 'eventPhotos', folder: 'event-photos', methods: eventPhotosMethods },
  { area: 'bridge', folder: 'bridge', methods: bridgeMethods },
];

/**
 * A stand-in for a factory's dependencies: reading any property gives another stand-in, calling
 * one throws. A handler factory that only builds its table (no work when the core is composed)
 * runs with it; one that calls a service while building fails.
 */
export function hollow(path = 'deps'): unknown {
  return new Proxy(() => undefined, {
    get: (_target, key) => (key === Symbol.toPrimitive || key === 'then' ? undefined : hollow(`${path}.${String(key)}`)),
    apply: () => {
      throw new Error(`${path}() was called while the handler table was built`);
    },
  });
}
