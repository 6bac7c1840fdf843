import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../shared/contract/app.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { ScanSuggestion } from '../../shared/contract/scan.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatcher.ts';
import { EventBus } from '../api/event-bus.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { keyFileSecretBox } from '../secrets/key-file-secret-box.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { DoorTestsService } from '../door-tests/door-tests-service.ts';
import { FaceThumbnails } from '../people/face-thumbnails.ts';
import { personSyncStates } from '../people/sync-states.ts';
import { FaceFiles } from '../people/face-files.ts';
import { ImportService } from '../import/import-service.ts';
import { readTemplate } from '../import/template-files.ts';
import { DepartmentCodes } from '../people/department-codes.ts';
import { PeopleService } from '../people/people-service.ts';
import { checkFacePhoto } from '../people/photo-check.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { OutboxTable } from '../store/outbox-table.ts';
import { PersonBackendsTable } from '../store/person-backends-table.ts';
import { siteReportData } from '../reports/report-data.ts';
import { siteReportHtml } from '../reports/report-html.ts';
import { BackendsService } from '../backends/backends-service.ts';
import { commissioningHandlers } from '../commissioning/commissioning-handlers.ts';
import { signHongtu } from '../tools/tools-service.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { ReceiversService } from '../receivers/receivers-service.ts';
import { localSubnets } from '../scan/local-subnets.ts';
import { ScanService } from '../scan/scan-service.ts';
import { ScansTable } from '../store/scans-table.ts';
import { SitesService } from '../sites/sites-service.ts';
import { DB_FILE_NAME, openStore, type OpenedStore } from '../store/database.ts';
import { BackendsTable } from '../store/backends-table.ts';
import { DoorTestsTable } from '../store/door-tests-table.ts';
import { EventsTable } from '../store/events-table.ts';
import { InventoryTable } from '../store/inventory-table.ts';
import { SitesTable } from '../store/sites-table.ts';
import { APP_VERSION } from './app-version.ts';
import { ensurePrivateDataDir, tightenDataDir } from './private-data-dir.ts';

interface CoreOptions {
  readonly dataDir: string;
  readonly runtime: AppInfo['runtime'];
  /** The Electron shell passes its safeStorage box; plain Node runs get the key-file box. */
  readonly secretBox?: SecretBox;
  readonly logger?: Logger;
  /** What the Scan page starts with (the demo: its simulators' addresses and no LAN subnet). */
  readonly scanSuggestion?: ScanSuggestion;
  /** Where the shipped files (the import templates) are; the Electron shell passes its own. */
  readonly resourcesDir?: string;
}

/** Everything the app can do, without a window: the same object behind IPC, WebSocket and CLI. */
export interface Core {
  readonly dataDir: string;
  readonly store: OpenedStore;
  readonly db: Database;
  readonly log: Logger;
  readonly bus: EventBus;
  readonly secrets: SecretBox;
  readonly sites: SitesService;
  readonly backends: BackendsService;
  readonly receivers: ReceiversService;
  readonly doorTests: DoorTestsService;
  readonly people: PeopleService;
  /** Departments typed as names or codes, as the backends' codes (enroll, edit, import). */
  readonly departments: DepartmentCodes;
  readonly outbox: OutboxTable;
  /** Started by long-running processes (app, web server); the CLI runs it on demand. */
  readonly sync: SyncEngine;
  readonly events: EventsTable;
  readonly scans: ScanService;
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const { dataDir, runtime } = options;
  // Run from source (web server, CLI, tests) this file sits two folders below the repository.
  const resourcesDir = options.resourcesDir ?? fileURLToPath(new URL('../../resources/', import.meta.url));
  // The data folder holds personal data (names, ID numbers, faces): this user only, from the
  // first byte written, and everything in it once the store, key and log are open.
  ensurePrivateDataDir(dataDir);
  const log = options.logger ?? createLogger(dataDir);
  const store = openStore(join(dataDir, DB_FILE_NAME));
  if (store.migration.applied.length > 0) {
    log.info({ from: store.migration.from, to: store.migration.to, applied: store.migration.applied }, 'store migrated');
  }
  const secrets = options.secretBox ?? keyFileSecretBox(dataDir);
  tightenDataDir(dataDir);
  const bus = new EventBus();
  const sitesStore = new SitesTable(store.db);
  const sites = new SitesService(sitesStore, bus);
  const inventory = new InventoryTable(store.db);
  const backends = new BackendsService({
    store: new BackendsTable(store.db),
    inventory,
    sites: sitesStore,
    secrets,
    log,
    bus,
  });
  const events = new EventsTable(store.db);
  const receivers = new ReceiversService({ backends, events, bus, log });
  const doorTestsStore = new DoorTestsTable(store.db);
  const doorTests = new DoorTestsService({ backends, inventory, store: doorTestsStore, bus, log });
  const faces = new FaceFiles(dataDir);
  const outbox = new OutboxTable(store.db);
  const departments = new DepartmentCodes({ backends, inventory });
  const people = new PeopleService({ db: store.db, faces, outbox, personBackends: new PersonBackendsTable(store.db), backends, bus, departments });
  const sync = new SyncEngine({ outbox, backends, faces, bus, log });
  const imports = new ImportService({ dataDir, people, sites: sitesStore, bus, departments });
  const scans = new ScanService({ store: new ScansTable(store.db), sites: sitesStore, bus, log });
  const queued = <T>(result: T): T => {
    sync.notify();
    return result;
  };
  const thumbnails = new FaceThumbnails({ db: store.db, faces });
  const retryEntry = (id: number) => {
    // A cancelled write stays cancelled: retrying one would resend an old change (or one a person gave up on).
    if (outbox.get(id)?.entry.state === 'cancelled') {
      throw new ApiError('outbox_cancelled', `Outbox entry ${id} was cancelled and cannot be retried.`, { id });
    }
    return entryOrFail(outbox.retry(id, new Date().toISOString()), id);
  };
  const entryOrFail = (entry: ReturnType<OutboxTable['retry']>, id: number) => {
    if (!entry) throw new ApiError('invalid_input', `Outbox entry ${id} cannot change now.`, { issues: [{ path: ['id'], code: 'custom', message: 'invalid' }] });
    return entry;
  };

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Doorman',
      version: APP_VERSION,
      schemaVersion: store.migration.to,
      dataDir,
      runtime,
      secretBox: secrets.kind,
    }),
    'sites.list': () => sites.state(),
    'sites.create': ({ name, timeZone }) => sites.create(name, timeZone),
    'sites.rename': ({ id, name }) => sites.rename(id, name),
    'sites.setAddress': ({ id, address }) => sites.setAddress(id, address),
    'sites.setTimeZone': ({ id, timeZone }) => sites.setTimeZone(id, timeZone),
    'sites.remove': ({ id }) => sites.remove(id),
    'sites.select': ({ id }) => sites.select(id),
    'backends.list': ({ siteId }) => ({ backends: backends.list(siteId) }),
    'backends.add': (input) => backends.add(input),
    'backends.update': (input) => backends.update(input),
    'backends.capabilities': ({ id }) => backends.capabilities(id),
    'backends.remove': ({ id }) => backends.remove(id),
    'backends.test': ({ id }) => backends.test(id),
    'backends.inventory': ({ id, refresh }) => backends.inventoryOf(id, refresh),
    'backends.people': ({ id }) => backends.peopleOf(id),
    'backends.call': ({ id, endpoint, params, force }) => backends.call(id, endpoint, params, force),
    ...commissioningHandlers(backends),
    'receivers.start': ({ backendId, host, port }) => receivers.start(backendId, { host, port }),
    'receivers.stop': ({ backendId }) => receivers.stop(backendId),
    'receivers.status': ({ backendId }) => receivers.status(backendId),
    'doorTests.run': (input) => doorTests.run(input),
    'doorTests.cancel': ({ runId }) => doorTests.cancel(runId),
    'doorTests.list': ({ siteId, backendId }) => ({ results: doorTests.list(siteId, backendId) }),
    'reports.siteHtml': ({ siteId, lang, signOff }) =>
      siteReportHtml(siteReportData(siteId, { sites: sitesStore, backends, inventory, doorTests: doorTestsStore }), createTranslator(lang), lang, signOff),
    'tools.signHongtu': (input) => signHongtu(input),
    'people.enroll': (input) => queued(people.enroll(input)),
    'people.update': (input) => queued(people.update(input)),
    'people.checkFace': ({ backendId, jpegBase64 }) => backends.checkFace(backendId, Buffer.from(jpegBase64, 'base64')),
    'people.idNumberOwner': ({ siteId, idNumber, exceptPin }) => ({ owner: people.idNumberOwner(siteId, idNumber, exceptPin) }),
    'people.checkPhoto': ({ backendIds, photoBase64 }) => checkFacePhoto(Buffer.from(photoBase64, 'base64'), backendIds.map((id) => backends.get(id).vendor)),
    'people.list': ({ siteId }) => ({ people: people.list(siteId) }),
    'people.syncStates': ({ siteId }) => ({ states: personSyncStates(outbox, people.list(siteId).map((p) => ({ id: p.id, pin: p.fields.pin })), siteId) }),
    'people.faceThumbnail': async ({ id }) => ({ jpegBase64: await thumbnails.of(id) }),
    'people.remove': ({ id }) => queued(people.remove(id)),
    'outbox.list': ({ siteId, state }) => ({ entries: outbox.list({ siteId, state }) }),
    'outbox.retry': ({ id }) => queued(retryEntry(id)),
    'outbox.cancel': ({ id }) => entryOrFail(outbox.cancel(id, new Date().toISOString()), id),
    'imports.begin': ({ siteId, fileName, base64 }) => imports.begin(siteId, fileName, base64),
    'imports.appendTable': ({ importId, base64 }) => imports.appendTable(importId, base64),
    'imports.addPhoto': ({ importId, fileName, base64, append }) => imports.addPhoto(importId, fileName, base64, append),
    'imports.plan': ({ importId, faceCheck, forcePhoto }) => imports.plan(importId, { faceCheck, forcePhoto }),
    'imports.run': async ({ importId, targets }) => queued(await imports.run(importId, targets)),
    'imports.cancel': ({ importId }) => imports.cancel(importId),
    'imports.rejectedCsv': ({ importId, lang }) => imports.rejectedCsv(importId, lang),
    'imports.template': ({ format }) => readTemplate(resourcesDir, format),
    'people.exportTable': ({ siteId, format }) => imports.exportPeople(siteId, format),
    'scan.interfaces': () => ({ subnets: localSubnets(), ...(options.scanSuggestion ? { suggestion: options.scanSuggestion } : {}) }),
    'scan.start': ({ siteId, ...options }) => scans.start(siteId, options),
    'scan.cancel': ({ scanId }) => scans.cancel(scanId),
    'scan.list': ({ siteId }) => ({ scans: scans.list(siteId) }),
    'scan.results': ({ scanId }) => scans.results(scanId),
    'scan.hosts': ({ siteId }) => ({ hosts: scans.hosts(siteId) }),
    'scan.diff': ({ fromScanId, toScanId }) => scans.diff(fromScanId, toScanId),
  };

  let closed = false;
  return {
    dataDir,
    store,
    db: store.db,
    log,
    bus,
    secrets,
    sites,
    backends,
    receivers,
    doorTests,
    people,
    departments,
    outbox,
    sync,
    events,
    scans,
    dispatch: createDispatcher(handlers, log),
    async close() {
      if (closed) return;
      closed = true;
      await sync.stop();
      await scans.close();
      await receivers.close();
      await backends.close();
      store.db.close();
      log.flush();
    },
  };
}
