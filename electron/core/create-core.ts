import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../shared/contract/app.ts';
import type { ScanSuggestion } from '../../shared/contract/scan.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatcher.ts';
import { EventBus } from '../api/event-bus.ts';
import { alarmsHandlers } from '../alarms/alarms-handlers.ts';
import { AlarmsService } from '../alarms/alarms-service.ts';
import { appHandlers } from '../app/app-handlers.ts';
import { bridgeHandlers } from '../bridge/bridge-handlers.ts';
import { BridgeService } from '../bridge/bridge-service.ts';
import { taskHooks } from '../bridge/task-hooks.ts';
import { BridgeTaskPages } from '../store/bridge-task-pages.ts';
import { BridgeTaskWrites } from '../store/bridge-task-writes.ts';
import { atomically } from '../store/atomically.ts';
import { fetchPicture } from '../event-photos/photo-fetch.ts';
import { BridgeConfigsTable } from '../store/bridge-configs-table.ts';
import { BridgeDevicesTable } from '../store/bridge-devices-table.ts';
import { BridgeLeasesTable } from '../store/bridge-leases-table.ts';
import { BridgeSigninsTable } from '../store/bridge-signins-table.ts';
import { BridgeAttendanceMarks } from '../store/bridge-attendance-marks.ts';
import { BridgeTasksTable } from '../store/bridge-tasks-table.ts';
import { BridgeWorkersTable } from '../store/bridge-workers-table.ts';
import { backendsHandlers } from '../backends/backends-handlers.ts';
import { BackendsService } from '../backends/backends-service.ts';
import { commissioningHandlers } from '../commissioning/commissioning-handlers.ts';
import { CommissioningService } from '../commissioning/commissioning-service.ts';
import { doorTestsHandlers } from '../door-tests/door-tests-handlers.ts';
import { eventsHandlers } from '../events/events-handlers.ts';
import { EventsService } from '../events/events-service.ts';
import { DoorTestsService } from '../door-tests/door-tests-service.ts';
import { historyHandlers } from '../history/history-handlers.ts';
import { HistoryService } from '../history/history-service.ts';
import { importsHandlers } from '../import/import-handlers.ts';
import { ImportService } from '../import/import-service.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { outboxHandlers } from '../outbox/outbox-handlers.ts';
import { OutboxService } from '../outbox/outbox-service.ts';
import { DepartmentCodes } from '../people/department-codes.ts';
import { FaceFiles } from '../people/face-files.ts';
import { FaceThumbnails } from '../people/face-thumbnails.ts';
import { peopleHandlers } from '../people/people-handlers.ts';
import { PeopleService } from '../people/people-service.ts';
import { receiversHandlers } from '../receivers/receivers-handlers.ts';
import { ReceiversService } from '../receivers/receivers-service.ts';
import { reportsHandlers } from '../reports/reports-handlers.ts';
import { ReportsService } from '../reports/reports-service.ts';
import { scanHandlers } from '../scan/scan-handlers.ts';
import { ScanService } from '../scan/scan-service.ts';
import { keyFileSecretBox } from '../secrets/key-file-secret-box.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { sitesHandlers } from '../sites/sites-handlers.ts';
import { SitesService } from '../sites/sites-service.ts';
import { AlarmEvidence } from '../store/alarm-evidence.ts';
import { AlarmsTable } from '../store/alarms-table.ts';
import { BackendsTable } from '../store/backends-table.ts';
import { DB_FILE_NAME, openStore, type OpenedStore } from '../store/database.ts';
import { DeviceSyncResultsTable } from '../store/device-sync-results-table.ts';
import { DoorTestsTable } from '../store/door-tests-table.ts';
import { EventsMatch } from '../store/events-match.ts';
import { EventsRetention } from '../store/events-retention.ts';
import { EventStreamsTable } from '../store/event-streams-table.ts';
import { EventSearch } from '../store/event-search.ts';
import { EventsTable } from '../store/events-table.ts';
import { GuardSettingsTable } from '../store/guard-settings-table.ts';
import { InventoryTable } from '../store/inventory-table.ts';
import { OutboxTable } from '../store/outbox-table.ts';
import { PeopleTable } from '../store/people-table.ts';
import { PersonBackendsTable } from '../store/person-backends-table.ts';
import { PersonRefsTable } from '../store/person-refs-table.ts';
import { ReceiverEndpointsTable } from '../store/receiver-endpoints-table.ts';
import { ScansTable } from '../store/scans-table.ts';
import { SitesTable } from '../store/sites-table.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { toolsHandlers } from '../tools/tools-handlers.ts';
import { visitorsHandlers } from '../visitors/visitors-handlers.ts';
import { doorsHandlers } from '../doors/doors-handlers.ts';
import { eventPhotosHandlers } from '../event-photos/event-photos-handlers.ts';
import { EventPhotosService } from '../event-photos/event-photos-service.ts';
import { BridgeRunners } from '../bridge/bridge-runners.ts';
import type { BridgeRunnerDeps } from '../bridge/bridge-runner.ts';
import { EventPhotoLinks } from '../store/event-photo-links.ts';
import { DoorsService } from '../doors/doors-service.ts';
import { DoorStateEvents } from '../store/door-state-events.ts';
import { DoorActionsTable } from '../store/door-actions-table.ts';
import { VisitorsService } from '../visitors/visitors-service.ts';
import { VisitorsTable } from '../store/visitors-table.ts';
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
  /** The event pipeline's timings and clock (tests: short intervals, simulated time). */
  readonly events?: Pick<ConstructorParameters<typeof EventsService>[0], 'clock' | 'timings' | 'sweep'>;
  /** The bridges' session timings (tests: short heartbeats). */
  readonly bridges?: Pick<BridgeRunnerDeps, 'tuning'>;
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
  /** The event pipeline and the stored events: started by long-running processes (app, web server), not the CLI. */
  readonly events: EventsService;
  readonly scans: ScanService;
  readonly alarms: AlarmsService;
  readonly doors: DoorsService;
  /** The platform bridges' configuration and durable state (issue 16). */
  readonly bridges: BridgeService;
  /** The running bridges (started with the background work; the CLI's `bridge run` starts one). */
  readonly bridgeRunners: BridgeRunners;
  readonly dispatch: Dispatch;
  /**
   * What a long-running process (app, web server) runs in the background once it is up: sync, then
   * the receivers that ran when it last quit, then the event pipeline (which sees those receivers),
   * then the door-state reader.
   * Never rejects: a failure is logged and the rest still starts.
   */
  startBackground(): Promise<void>;
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
  const sitesTable = new SitesTable(store.db);
  const sites = new SitesService(sitesTable, bus);
  const inventory = new InventoryTable(store.db);
  const personRefs = new PersonRefsTable(store.db);
  const backends = new BackendsService({ store: new BackendsTable(store.db), inventory, sites: sitesTable, secrets, log, bus, personRefs });
  const eventsTable = new EventsTable(store.db);
  const deviceResults = new DeviceSyncResultsTable(store.db);
  const receivers = new ReceiversService({ backends, events: eventsTable, bus, log, deviceResults, personRefs, endpoints: new ReceiverEndpointsTable(store.db) });
  const events = new EventsService({ backends, sites: sitesTable, table: eventsTable, streams: new EventStreamsTable(store.db), retention: new EventsRetention(store.db), match: new EventsMatch(store.db), receivers, bus, log, ...options.events });
  const doorTestsTable = new DoorTestsTable(store.db);
  const doorTests = new DoorTestsService({ backends, inventory, store: doorTestsTable, bus, log });
  const faces = new FaceFiles(dataDir);
  const outbox = new OutboxTable(store.db);
  const departments = new DepartmentCodes({ backends, inventory });
  const peopleTable = new PeopleTable(store.db);
  const people = new PeopleService({ table: peopleTable, faces, outbox, personBackends: new PersonBackendsTable(store.db), backends, bus, departments });
  const sync = new SyncEngine({ outbox, backends, faces, bus, log });
  const imports = new ImportService({ dataDir, people, sites: sitesTable, bus, departments });
  const scans = new ScanService({ store: new ScansTable(store.db), sites: sitesTable, bus, log });
  const thumbnails = new FaceThumbnails({ people: peopleTable, faces });
  const alarms = new AlarmsService({ table: new AlarmsTable(store.db), evidence: new AlarmEvidence(store.db), settings: new GuardSettingsTable(store.db), backends, bus, log });
  const visitors = new VisitorsService({ table: new VisitorsTable(store.db), backends, sites: sitesTable, people: peopleTable, faces, bus, log });
  const doors = new DoorsService({
    table: new DoorActionsTable(store.db),
    backends,
    inventory,
    guard: new GuardSettingsTable(store.db),
    bus,
    log,
    sites: sitesTable,
    // A door's alarm state changes are events of the pipeline: stored once, announced, raised by the alarms service.
    storeEvents: (backendId, changes) => void events.store(backendId, 'poll', changes),
    doorStateEvents: new DoorStateEvents(store.db),
  });
  const bridgeTables = { configs: new BridgeConfigsTable(store.db), devices: new BridgeDevicesTable(store.db), workers: new BridgeWorkersTable(store.db), tasks: new BridgeTasksTable(store.db), signins: new BridgeSigninsTable(store.db), marks: new BridgeAttendanceMarks(store.db), leases: new BridgeLeasesTable(store.db) };
  const bridges = new BridgeService({ tables: bridgeTables, sites: sitesTable, backends: new BackendsTable(store.db), inventory, secrets, log });
  const eventPhotos = new EventPhotosService({ links: new EventPhotoLinks(store.db), log });
  // The platform's tasks: workers enrolled through the people service (outbox), reported once the backends have them.
  const tasks = taskHooks({ bridges, pages: new BridgeTaskPages(store.db), people, peopleTable, faces, log, fetchPicture, atomic: atomically(store.db), bus, writes: new BridgeTaskWrites(store.db) });
  const bridgeRunners = new BridgeRunners({ bridges, bus, people: peopleTable, sites: sitesTable, log, readPhoto: (backendId, eventId) => eventPhotos.captured(backendId, eventId), ...tasks, ...options.bridges });
  const reports = new ReportsService({ sites: sitesTable, backends, inventory, doorTests: doorTestsTable });

  // One table per contract area (electron/<area>/<area>-handlers.ts); the type asks for every method.
  const handlers: Handlers = {
    ...appHandlers({ dataDir, runtime, schemaVersion: store.migration.to, secretBox: secrets.kind }),
    ...sitesHandlers(sites),
    ...backendsHandlers(backends),
    ...commissioningHandlers(new CommissioningService(backends)),
    ...receiversHandlers(receivers),
    ...doorTestsHandlers(doorTests),
    ...reportsHandlers(reports),
    ...toolsHandlers(),
    ...peopleHandlers({ people, backends, thumbnails, sync }),
    ...outboxHandlers(new OutboxService(outbox, deviceResults), sync),
    ...importsHandlers({ imports, sync, resourcesDir }),
    ...scanHandlers(scans, options.scanSuggestion),
    ...eventsHandlers(events),
    ...alarmsHandlers(alarms),
    ...historyHandlers(new HistoryService({ search: new EventSearch(store.db), sites: sitesTable, backends, inventory })),
    ...visitorsHandlers(visitors),
    ...doorsHandlers(doors),
    ...eventPhotosHandlers(eventPhotos),
    ...bridgeHandlers(bridges, bridgeRunners),
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
    alarms,
    doors,
    bridges,
    bridgeRunners,
    dispatch: createDispatcher(handlers, log),
    async startBackground() {
      sync.start();
      await receivers.resume().catch((error: unknown) => log.error({ err: error }, 'receivers could not resume'));
      await events.start().catch((error: unknown) => log.error({ err: error }, 'event pipeline could not start'));
      // Door states read whatever page is open: a door going into alarm raises its alarm.
      doors.start();
      bridgeRunners.startEnabled();
    },
    async close() {
      if (closed) return;
      closed = true;
      await sync.stop();
      await bridgeRunners.close();
      doors.stop();
      await events.stop();
      await scans.close();
      await alarms.close();
      await receivers.close();
      await backends.close();
      store.db.close();
      log.flush();
    },
  };
}
