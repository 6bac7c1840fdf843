import type { App, Session, WebContents } from 'electron';
import { devicePermissionAllowed, frameNavigationAllowed, isAppUrl, permissionAllowed } from './window-options.ts';

/** What the policies are installed on: Electron's default session and `app` (stand-ins in tests). */
export type PolicySession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
>;
export type PolicyApp = Pick<App, 'on'>;
type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Electron's security checklist, applied to the session and every web contents: the camera as the
 * only permission, for our page only; no device permissions and no screen capture; no new windows,
 * no navigation away from our pages (any frame), no <webview>. The decisions are the pure
 * functions of window-options.ts; this file only wires them to Electron.
 */
export function applySecurityPolicies({ session, app }: { session: PolicySession; app: PolicyApp }, devServerUrl?: string): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(permissionAllowed({ permission, requestingUrl: details.requestingUrl ?? contents.getURL(), mediaTypes }, devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(
      { permission, requestingUrl: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : undefined },
      devServerUrl,
    ),
  );
  session.setDevicePermissionHandler((details) => devicePermissionAllowed({ deviceType: details.deviceType, origin: details.origin }));
  // Screen and window capture (getDisplayMedia): refused for every page; the camera is the only
  // capture Doorman needs. null is Electron's refusal.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));

  app.on('web-contents-created', (_event, contents) => guardContents(contents, devServerUrl));
}

function guardContents(contents: GuardedContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-frame-navigate', (event) => {
    if (!frameNavigationAllowed({ url: event.url, isMainFrame: event.isMainFrame }, devServerUrl)) event.preventDefault();
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
