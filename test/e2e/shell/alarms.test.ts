import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared/contract/alarms.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import type { WsTestClient } from '../../support/ws-client.ts';
import { shots, type App } from '../support/app.ts';
import { startK30GateHouse } from '../support/k30-gate.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/** Counts the tones the page starts (Web Audio), so the test hears the alarm sound (a page script: the tests have no DOM types). */
const COUNT_TONES = `
  window.__tones = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__tones += 1;
    return start.apply(this, args);
  };
`;

const tones = (page: Page) => page.evaluate('window.__tones') as Promise<number>;
const count = (page: Page) => page.getByTestId('alarm-count').getAttribute('data-count');

/**
 * The guard room's alarms in the header of every page (issue 15 item 3): a K30 callback with
 * recogMode 16 (胁迫开门) reaches the web server's receiver, the core raises a duress alarm, and the
 * page — on People, not any alarms page — shows the banner and the count and sounds; the mute is
 * remembered across a reload; acknowledging with a note (as the guard named in Settings) takes the count down and keeps who and the
 * note; the same in Chinese.
 */
describe('alarms: the header count and banner, on every page', () => {
  let k30: K30Simulator;
  let app: App;
  let api: WsTestClient;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.9' });
    ({ app, api } = await startK30GateHouse(tempDir(), k30));
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await k30?.close();
  });

  it('raises, sounds, survives a page change, mutes, and is acknowledged with a note (en, then zh-CN)', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    await context.addInitScript(COUNT_TONES);
    const page = await context.newPage();
    await page.goto(app.web.url);
    // The guard on duty, typed once in Settings: kept with each acknowledgement.
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('settings-guard-save').isEnabled(), WAIT).toBe(true);
    await page.getByTestId('settings-guard-name').fill('Wang Wei');
    await page.getByTestId('settings-guard-save').click();
    await expect.poll(async () => JSON.stringify(await api.invoke('alarms.settings', {})), WAIT).toContain('"guardName":"Wang Wei"');
    await page.getByTestId('nav-people').click();
    await expect.poll(() => count(page), WAIT).toBe('0');
    expect(await page.getByTestId('alarm-count').textContent()).toBe('No open alarms');

    // A duress opening at the K30 terminal: its callback carries recogMode 16.
    k30.emitPassRecord({ mode: 16 });
    const banner = page.getByTestId('alarm-banner');
    await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('duress');
    expect(await banner.textContent()).toContain('Alarm: Duress');
    expect(await banner.textContent()).toContain('Duress opening');
    expect(await banner.textContent()).toContain('K30 gate');
    await expect.poll(() => count(page), WAIT).toBe('1');
    expect(await page.getByTestId('alarm-count').textContent()).toBe('1 unacknowledged alarm');
    await expect.poll(() => tones(page), WAIT).toBeGreaterThan(0);

    // Another page: the banner and the count stay.
    await page.getByTestId('nav-backends').click();
    await banner.waitFor();
    expect(await count(page)).toBe('1');
    await page.screenshot({ path: `${shots}/alarm-banner-en.png` });

    // Mute, remembered across a reload: the next alarm shows but makes no sound.
    await page.getByTestId('alarm-mute').click();
    await page.reload();
    await expect.poll(() => page.getByTestId('alarm-mute').getAttribute('aria-pressed'), WAIT).toBe('true');
    await banner.waitFor();
    k30.emitPassRecord({ stranger: true });
    await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('stranger');
    await expect.poll(() => count(page), WAIT).toBe('2');
    expect(await tones(page)).toBe(0);
    await page.getByTestId('alarm-mute').click();

    // Acknowledge the newest (the stranger) with a note: the banner moves to the duress, the count goes down.
    await page.getByTestId('alarm-note').fill('Visitor without a pass, sent to reception');
    await page.getByTestId('alarm-ack').click();
    await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('duress');
    await expect.poll(() => count(page), WAIT).toBe('1');

    // In Chinese.
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => banner.textContent(), WAIT).toContain('报警：胁迫');
    expect(await banner.textContent()).toContain('胁迫开门');
    expect(await page.getByTestId('alarm-count').textContent()).toBe('1 条未确认报警');
    expect(await page.getByTestId('alarm-ack').textContent()).toBe('确认');
    await page.screenshot({ path: `${shots}/alarm-banner-zh-CN.png` });
    await page.getByTestId('alarm-ack').click();
    await expect.poll(() => count(page), WAIT).toBe('0');
    expect(await banner.count()).toBe(0);
    expect(await page.getByTestId('alarm-count').textContent()).toBe('没有未确认的报警');

    // Kept, with who acknowledged it and the note.
    const listed = await api.invoke('alarms.list', { siteId: 1 });
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    const alarms = (listed.output as { alarms: Alarm[] }).alarms;
    expect(alarms.map((a) => [a.alarmClass, a.ack?.by, a.ack?.note])).toEqual([
      ['stranger', 'Wang Wei', 'Visitor without a pass, sent to reception'],
      ['duress', 'Wang Wei', ''],
    ]);
    await context.close();
  }, 120_000);
});
