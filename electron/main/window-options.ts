// The window's security settings and the shell's policies as plain data and pure functions, so a
// test can import and check them without Electron. This file must not import `electron`.

/** The scheme our own pages are served from in the packaged app (a standard, secure origin). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'doorman';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

interface WindowOptionsInput {
  readonly preloadPath: string;
  readonly iconPath?: string;
  /** `app.isPackaged`: a shipped app has no DevTools. */
  readonly packaged: boolean;
}

export function browserWindowOptions({ preloadPath, iconPath, packaged }: WindowOptionsInput) {
  return {
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Doorman',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // DevTools in a shipped app would give anyone at the desk a console inside the page that holds
      // the credentials' API; developers run unpackaged.
      devTools: !packaged,
    },
  } as const;
}

/** Whether a URL is one of our own pages: the app:// origin, or the dev server electron-vite started. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin === APP_ORIGIN || (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST)) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

interface PermissionAsk {
  readonly permission: string;
  /** The URL of the frame asking. */
  readonly requestingUrl: string;
  /** For `media`: what it wants ('video', 'audio'). */
  readonly mediaTypes?: readonly string[] | undefined;
}

/**
 * The only permission Doorman grants: the camera (video capture) to its own page, for face
 * enrollment. Microphone, notifications, geolocation, other origins: denied.
 */
export function permissionAllowed(ask: PermissionAsk, devServerUrl?: string): boolean {
  if (!isAppUrl(ask.requestingUrl, devServerUrl)) return false;
  if (ask.permission !== 'media') return false;
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

interface FrameNavigation {
  readonly url: string;
  /** False for a subframe (an iframe, however it got there). */
  readonly isMainFrame: boolean;
}

/**
 * Where a frame may navigate (Electron's `will-frame-navigate`, which covers subframes as well as
 * the main frame): the main frame to our own pages only; a subframe nowhere. Doorman's pages have
 * no frames (the report is built without an iframe), so a frame that navigates was injected.
 */
export function frameNavigationAllowed({ url, isMainFrame }: FrameNavigation, devServerUrl?: string): boolean {
  return isMainFrame && isAppUrl(url, devServerUrl);
}

interface DeviceAsk {
  /** 'hid', 'serial' or 'usb'. */
  readonly deviceType: string;
  readonly origin: string;
}

/**
 * Devices a page may use without asking (Electron's device permission handler): none. Doorman
 * talks to readers and panels through their backends, never from the page.
 */
export function devicePermissionAllowed(_ask: DeviceAsk): boolean {
  return false;
}
