// The Electron shell: app lifecycle, the window, the IPC bridge, safeStorage and the camera
// permission. Everything else is the core, which runs the same without Electron.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { ApiError } from '../../shared/contract/errors.ts';
import { createTranslator, langFromLocale } from '../../shared/i18n/index.ts';
import { localizeError } from '../../shared/i18n/errors.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { DATA_DIR_ENV } from '../core/data-dir.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { registerIpcBridge } from './ipc-bridge.ts';
import { safeStorageBox } from './safe-storage-box.ts';
import { applySecurityPolicies } from './security.ts';
import { createMainWindow } from './window.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');
const resourcesDir = join(here, '../../resources');
const iconPath = join(resourcesDir, 'icon.png');
// Set by `electron-vite dev` only; a packaged app never loads anything but app://.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | undefined;
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.whenReady().then(() => {
    try {
      core = createCore({
        dataDir: process.env[DATA_DIR_ENV] ?? app.getPath('userData'),
        runtime: 'electron',
        resourcesDir,
        ...withSecretBox(),
      });
    } catch (error) {
      startFailed(error);
      return;
    }
    applySecurityPolicies({ session: session.defaultSession, app }, devServerUrl);
    serveAppProtocol(rendererDir);
    registerIpcBridge(core, devServerUrl);
    core.sync.start();
    // Receivers that ran when the app last quit listen again at the same URL (typed into vendor software).
    void core.receivers.resume();
    // The event pipeline: one stream per backend of the current site, for as long as the app runs.
    void core.events.start();
    // Door states read whatever page is open: a door going into alarm raises its alarm.
    core.doors.start();
    window = createMainWindow(preloadPath, iconPath, devServerUrl);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(preloadPath, iconPath, devServerUrl);
    });
  }).catch((error: unknown) => {
    // The core is open but the shell could not finish starting: say so in the log and on screen.
    core?.log.error({ err: error }, 'start-up failed');
    startFailed(error);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close drivers and the store before exiting; quit waits for it once.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !core) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
}

/** Start-up failed: the error in the user's language, then exit. */
function startFailed(error: unknown): void {
  const i18n = createTranslator(langFromLocale(app.getLocale()));
  const body = error instanceof ApiError ? error.toBody() : new ApiError('internal', String(error)).toBody();
  dialog.showErrorBox('Doorman', localizeError(i18n, body));
  app.exit(1);
}

function withSecretBox() {
  const box = safeStorageBox();
  return box ? { secretBox: box } : {};
}
