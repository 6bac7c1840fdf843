import { describe, expect, it } from 'vitest';
import { applySecurityPolicies, type PolicyApp, type PolicySession } from '../../../electron/main/security.ts';
import { APP_ORIGIN } from '../../../electron/main/window-options.ts';

type Handler = (...args: unknown[]) => unknown;

/**
 * Stand-ins for Electron's default session, `app` and a new web contents that only record what the
 * shell installs, so the test can call the installed handlers as Electron would.
 */
function shell() {
  const session = new Map<string, Handler>();
  const appListeners = new Map<string, Handler>();
  const fakeSession = new Proxy({}, { get: (_t, name: string) => (handler: Handler) => void session.set(name, handler) });
  const fakeApp = { on: (event: string, listener: Handler) => void appListeners.set(event, listener) };
  applySecurityPolicies({ session: fakeSession as unknown as PolicySession, app: fakeApp as unknown as PolicyApp });

  const contents = new Map<string, Handler>();
  let windowOpen: Handler | undefined;
  const fakeContents = { on: (event: string, listener: Handler) => void contents.set(event, listener), setWindowOpenHandler: (h: Handler) => void (windowOpen = h) };
  appListeners.get('web-contents-created')?.({}, fakeContents);
  return { session, contents, windowOpen: () => windowOpen };
}

/** An Electron event object: did the handler prevent it? */
function event<T extends object>(fields: T): T & { preventDefault(): void; prevented: boolean } {
  const e = { ...fields, prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
}

describe('the shell installs its policies', () => {
  it('denies device permissions and screen capture through Electron’s handlers', () => {
    const { session } = shell();
    expect(session.get('setDevicePermissionHandler')?.({ deviceType: 'usb', origin: APP_ORIGIN, device: {} })).toBe(false);
    let streams: unknown = 'not answered';
    session.get('setDisplayMediaRequestHandler')?.({ securityOrigin: APP_ORIGIN, videoRequested: true, audioRequested: false }, (s: unknown) => (streams = s));
    expect(streams).toBeNull();
  });

  it('still grants the camera to our page through the permission handlers', () => {
    const { session } = shell();
    let granted: unknown;
    session.get('setPermissionRequestHandler')?.({ getURL: () => `${APP_ORIGIN}/index.html` }, 'media', (ok: boolean) => (granted = ok), { requestingUrl: `${APP_ORIGIN}/index.html`, mediaTypes: ['video'] });
    expect(granted).toBe(true);
    expect(session.get('setPermissionCheckHandler')?.(null, 'hid', APP_ORIGIN, {})).toBe(false);
  });

  it('guards every web contents: subframe navigation, navigation away, new windows, webviews', () => {
    const { contents, windowOpen } = shell();
    const sub = event({ url: `${APP_ORIGIN}/index.html`, isMainFrame: false });
    contents.get('will-frame-navigate')?.(sub);
    expect(sub.prevented).toBe(true);
    const away = event({ url: 'https://evil.example/', isMainFrame: true });
    contents.get('will-frame-navigate')?.(away);
    expect(away.prevented).toBe(true);
    const ours = event({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true });
    contents.get('will-frame-navigate')?.(ours);
    expect(ours.prevented).toBe(false);

    const navigate = event({});
    contents.get('will-navigate')?.(navigate, 'https://evil.example/');
    expect(navigate.prevented).toBe(true);
    const webview = event({});
    contents.get('will-attach-webview')?.(webview);
    expect(webview.prevented).toBe(true);
    expect(windowOpen()?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
