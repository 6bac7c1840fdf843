import { app, BrowserWindow } from 'electron';
import { APP_ORIGIN, browserWindowOptions } from './window-options.ts';

export function createMainWindow(preloadPath: string, iconPath: string, devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow(browserWindowOptions({ preloadPath, iconPath, packaged: app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
