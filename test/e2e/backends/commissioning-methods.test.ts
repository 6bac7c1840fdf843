import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-commissioning-token';

/**
 * Issue 13 item 2: the set-up wizards run the core's typed steps (`commissioning.*`); the renderer
 * sends no endpoint id (`backends.call`) of its own. Every method the page sends over the WebSocket
 * is recorded from Chromium.
 */
async function openRecording(app: App): Promise<{ page: Page; methods: string[]; close: () => Promise<void> }> {
  const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const methods: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type?: string; method?: string };
      if (frame.type === 'invoke' && frame.method) methods.push(frame.method);
    });
  });
  await page.goto(app.web.url);
  await page.getByTestId('nav-sites').click();
  return { page, methods, close: () => context.close() };
}

async function runStep(page: Page, step: string): Promise<void> {
  const body = page.locator(`[data-testid="wizard-body"][data-step="${step}"]`);
  await body.waitFor();
  await body.getByTestId('wizard-run').click();
  await expect.poll(() => page.locator(`[data-testid="wizard-step"][data-step="${step}"]`).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
}

describe('the set-up wizards call the core’s typed steps, not endpoint ids', () => {
  let hongtu: HongtuSimulator;
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
    zkbio = await startZkbioSimulator({ token: TOKEN });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await hongtu?.close();
    await zkbio?.close();
  });

  it('Hongtu: import, bind and door, and the door’s undo, are commissioning.hongtu.* calls', async () => {
    const { page, methods, close } = await openRecording(app);
    await createSite(page, 'Commissioning site');
    await addBackend(page, { vendor: 'hongtu', name: 'Platform', url: hongtu.url, appKey: hongtu.appKey, secret: hongtu.secretKey });
    await page.getByTestId('wizard-open').click();
    await page.getByTestId('wizard-panel').selectOption(SEED_IDS.panelASn);
    await page.getByTestId('wizard-panel-name').fill('East gate');
    await page.getByTestId('wizard-panel-location').fill('East');
    await runStep(page, 'import');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-server').selectOption(SEED_IDS.edgeServer);
    await runStep(page, 'bind');
    await page.getByTestId('wizard-next').click();
    await runStep(page, 'door');
    expect(hongtu.state.devices.get(SEED_IDS.panelA)?.isDoor).toBe(true);
    await page.getByTestId('wizard-undo').click();
    await expect.poll(() => hongtu.state.devices.get(SEED_IDS.panelA)?.isDoor, { timeout: 20_000 }).toBe(false);

    const wizard = methods.filter((m) => m.startsWith('commissioning.'));
    for (const expected of ['discoveredPanels', 'importPanel', 'edgeServers', 'boundDevices', 'bindPanel', 'addDoor', 'removeDoor']) {
      expect(wizard).toContain(`commissioning.hongtu.${expected}`);
    }
    expect(methods).not.toContain('backends.call');
    await close();
  });

  it('ZKBio: the areas and the new level are commissioning.zkbio.* calls', async () => {
    const { page, methods, close } = await openRecording(app);
    await createSite(page, 'ZKBio site');
    await addBackend(page, { vendor: 'zkbio', name: 'ZK', url: zkbio.url, token: TOKEN });
    await page.getByTestId('wizard-open').click();
    await page.getByTestId('wizard-level-name').fill('Crew');
    await runStep(page, 'level');
    expect(zkbio.state.levelByName('acc', 'Crew')).toBeDefined();
    expect(methods).toContain('commissioning.zkbio.areas');
    expect(methods).toContain('commissioning.zkbio.addLevel');
    expect(methods).not.toContain('backends.call');
    await close();
  });
});
