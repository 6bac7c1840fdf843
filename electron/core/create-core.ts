import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../shared/contract/app.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatcher.ts';
import { EventBus } from '../api/event-bus.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { keyFileSecretBox } from '../secrets/key-file-secret-box.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { SitesService } from '../services/sites.ts';
import { DB_FILE_NAME, openStore, type OpenedStore } from '../store/database.ts';
import { SitesStore } from '../store/sites-store.ts';
import { APP_VERSION } from './app-version.ts';

export interface CoreOptions {
  readonly dataDir: string;
  readonly runtime: AppInfo['runtime'];
  /** The Electron shell passes its safeStorage box; plain Node runs get the key-file box. */
  readonly secretBox?: SecretBox;
  readonly logger?: Logger;
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
  readonly dispatch: Dispatch;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const { dataDir, runtime } = options;
  // The data folder holds personal data (names, ID numbers, faces): this user only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = options.logger ?? createLogger(dataDir);
  const store = openStore(join(dataDir, DB_FILE_NAME));
  if (store.migration.applied.length > 0) {
    log.info({ from: store.migration.from, to: store.migration.to, applied: store.migration.applied }, 'store migrated');
  }
  const secrets = options.secretBox ?? keyFileSecretBox(dataDir);
  const bus = new EventBus();
  const sites = new SitesService(new SitesStore(store.db), bus);

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
    'sites.create': ({ name }) => sites.create(name),
    'sites.rename': ({ id, name }) => sites.rename(id, name),
    'sites.remove': ({ id }) => sites.remove(id),
    'sites.select': ({ id }) => sites.select(id),
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
    dispatch: createDispatcher(handlers, log),
    close() {
      if (closed) return;
      closed = true;
      store.db.close();
      log.flush();
    },
  };
}
