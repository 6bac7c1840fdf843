import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/content-security-policy.ts';
import {
  APP_ORIGIN,
  browserWindowOptions,
  devicePermissionAllowed,
  frameNavigationAllowed,
  isAppUrl,
  permissionAllowed,
} from '../../../electron/main/window-options.ts';

describe('window security settings', () => {
  const { webPreferences } = browserWindowOptions({ preloadPath: '/app/out/preload/index.cjs', packaged: true });

  it('isolate and sandbox the page, with no Node in it', () => {
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.preload).toBe('/app/out/preload/index.cjs');
  });

  it('have no DevTools in the packaged app, and DevTools in development', () => {
    expect(webPreferences.devTools).toBe(false);
    expect(browserWindowOptions({ preloadPath: '/p.cjs', packaged: false }).webPreferences.devTools).toBe(true);
  });

  it('have a strict CSP: own origin only, no inline script, no eval, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    // 'wasm-unsafe-eval' is the one narrow exception: WebAssembly compilation for the face detector,
    // not JavaScript eval.
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('navigation', () => {
  it('knows our pages', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/#/sites`)).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('trusts the dev server only when one is running', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('frame navigation', () => {
  it('lets the main frame go only to our own pages', () => {
    expect(frameNavigationAllowed({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true })).toBe(true);
    expect(frameNavigationAllowed({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(frameNavigationAllowed({ url: 'http://localhost:5173/', isMainFrame: true }, 'http://localhost:5173')).toBe(true);
  });

  it('lets no subframe navigate anywhere, our own pages included (Doorman has no frames)', () => {
    for (const url of ['https://evil.example/', `${APP_ORIGIN}/index.html`, 'about:blank', 'data:text/html,x', 'file:///etc/passwd']) {
      expect(frameNavigationAllowed({ url, isMainFrame: false }), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  const page = `${APP_ORIGIN}/index.html`;

  it('grant the camera to our own page', () => {
    expect(permissionAllowed({ permission: 'media', requestingUrl: page, mediaTypes: ['video'] })).toBe(true);
  });

  it('deny the microphone, other permissions and other origins', () => {
    expect(permissionAllowed({ permission: 'media', requestingUrl: page, mediaTypes: ['audio'] })).toBe(false);
    expect(permissionAllowed({ permission: 'media', requestingUrl: page, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(permissionAllowed({ permission: 'media', requestingUrl: page, mediaTypes: [] })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed({ permission, requestingUrl: page })).toBe(false);
    }
    expect(permissionAllowed({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
  });

  it('deny every device (HID, serial, USB), even to our own page', () => {
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(devicePermissionAllowed({ deviceType, origin: APP_ORIGIN }), deviceType).toBe(false);
    }
  });
});
