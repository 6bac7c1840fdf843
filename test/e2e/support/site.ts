import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { launchChromium } from '../../support/chromium.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { astronautY4m } from './fake-camera.ts';
import { seedSite } from './seed-site.ts';

/** Where the e2e tests write their screenshots (made by startE2eSite). */
export const shots = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/**
 * What Chromium's camera shows: `astronaut` a real face (fake-camera.ts's y4m), `no-face`
 * Chromium's own fake device (a moving pattern, no face), `none` no camera flags at all.
 */
export type Camera = 'astronaut' | 'no-face' | 'none';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Chromium with the given camera (closed by the caller; E2eSite.launch closes its own). */
export async function launchE2eBrowser(camera: Camera): Promise<Browser> {
  if (camera === 'none') return launchChromium();
  if (camera === 'no-face') return launchChromium(FAKE_CAMERA);
  return launchChromium([...FAKE_CAMERA, `--use-file-for-fake-video-capture=${await astronautY4m()}`]);
}

export interface E2eSiteOptions {
  /** The ZKBio simulator's access token. */
  token: string;
  /** Chromium's camera for `browser` (default `none`). */
  camera?: Camera;
  /**
   * Also a second ZKBio simulator (on 127.0.0.2 too) that suppresses door events, added by seedSite
   * as backend BACKENDS.zkbioMuted (default false).
   */
  muted?: boolean;
  /** Whether to run seedSite on the data folder (default true). */
  seed?: boolean;
  /** Runs on the data folder after seeding and before the web process starts (e.g. CLI enrollments). */
  prepare?: (dataDir: string, sims: { zkbio: ZkbioSimulator; hongtu: HongtuSimulator; hongtuDoorId: string }) => Promise<void>;
}

export interface E2eSite {
  readonly zkbio: ZkbioSimulator;
  readonly hongtu: HongtuSimulator;
  /** The door-event-suppressing ZKBio simulator, when `muted` was asked for. */
  readonly muted: ZkbioSimulator | undefined;
  readonly dataDir: string;
  /** The door seedSite commissioned on Hongtu ('' when not seeded). */
  readonly hongtuDoorId: string;
  readonly web: WebProcess;
  readonly browser: Browser;
  /** Another Chromium, closed by stop(). */
  launch(camera: Camera): Promise<Browser>;
  /** A new context in `locale` at the app's start page. */
  open(options: { browser?: Browser; locale?: string; width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** Closes the browsers, the web process and the simulators, and removes the data folder. */
  stop(): Promise<void>;
}

/**
 * The usual e2e set-up: the ZKBio simulator on 127.0.0.2 and the Hongtu one on 127.0.0.3, a fresh
 * data folder seeded as an installer would (seed-site.ts), `npm run web`'s server on it, and
 * Chromium. Whatever started before a failure is stopped before the error is rethrown.
 */
export async function startE2eSite(options: E2eSiteOptions): Promise<E2eSite> {
  const browsers: Browser[] = [];
  let zkbio: ZkbioSimulator | undefined;
  let hongtu: HongtuSimulator | undefined;
  let muted: ZkbioSimulator | undefined;
  let web: WebProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-e2e-'));
  const stop = async (): Promise<void> => {
    for (const browser of browsers.splice(0)) await browser.close();
    await web?.stop();
    await Promise.all([zkbio?.close(), muted?.close(), hongtu?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const launch = async (camera: Camera): Promise<Browser> => {
    const browser = await launchE2eBrowser(camera);
    browsers.push(browser);
    return browser;
  };
  try {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: options.token });
    if (options.muted) {
      muted = await startZkbioSimulator({ host: '127.0.0.2', token: options.token });
      muted.faults.suppressDoorEvents();
    }
    hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
    const { hongtuDoorId } = (options.seed ?? true) ? await seedSite(dataDir, { zkbioUrl: zkbio.url, zkbioToken: options.token, hongtu, ...(muted ? { mutedUrl: muted.url } : {}) }) : { hongtuDoorId: '' };
    await options.prepare?.(dataDir, { zkbio, hongtu, hongtuDoorId });
    web = await startWebProcess(dataDir);
    const browser = await launch(options.camera ?? 'none');
    mkdirSync(shots, { recursive: true });
    const url = web.url;
    return {
      zkbio,
      hongtu,
      muted,
      dataDir,
      hongtuDoorId,
      web,
      browser,
      launch,
      async open({ browser: which = browser, locale = 'en-US', width = 1400, height = 1100 }) {
        const context = await which.newContext({ locale, viewport: { width, height } });
        const page = await context.newPage();
        await page.goto(url);
        return { context, page };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
