import { app, session } from 'electron';
import { isAppUrl, permissionAllowed } from './window-options.ts';

/**
 * Electron's security checklist, applied to every web contents: no new windows, no navigation
 * away from our pages, no <webview>, and the camera as the only permission, for our page only.
 */
export function applySecurityPolicies(devServerUrl?: string): void {
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(permissionAllowed({ permission, requestingUrl: details.requestingUrl ?? contents.getURL(), mediaTypes }, devServerUrl));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(
      { permission, requestingUrl: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : undefined },
      devServerUrl,
    ),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
