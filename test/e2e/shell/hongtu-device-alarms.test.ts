import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { WsTestClient } from '../../support/ws-client.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/**
 * Hongtu's device alarms reach the guard (issue 15 item 3): a tamper alarm (500100 防拆报警) on the
 * platform's device alarm list is read with the pass records, and the header of every page shows
 * it as a tamper alarm with the document's words, in English and in Chinese; the record that
 * clears it (alarmStatus 0 报警恢复) raises nothing.
 */
describe('alarms: Hongtu device alarms in the header', () => {
  let hongtu: HongtuSimulator;
  let app: App;

  beforeAll(async () => {
    hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Tower');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'hongtu', '--name', 'Hongtu tower', '--url', hongtu.url, '--app-key', hongtu.appKey, '--secret', hongtu.secretKey);
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await hongtu?.close();
  });

  it('a tamper alarm on the device alarm list shows as a tamper alarm (en, then zh-CN); its clearing raises nothing', async () => {
    const { context, page } = await app.open('people');
    const count = () => page.getByTestId('alarm-count').getAttribute('data-count');
    await expect.poll(count, WAIT).toBe('0');

    hongtu.emitDeviceAlarm({ alarmType: 500100 });
    const banner = page.getByTestId('alarm-banner');
    await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('tamper');
    expect(await banner.textContent()).toContain('Tamper alarm');
    expect(await banner.textContent()).toContain('Hongtu tower');
    await expect.poll(count, WAIT).toBe('1');
    await page.screenshot({ path: `${shots}/alarm-hongtu-tamper-en.png` });

    // The device clears it: a record with alarmStatus 0 is no new alarm.
    hongtu.emitDeviceAlarm({ alarmType: 500100, alarmStatus: 0 });
    // A fire alarm after it is: when it shows, the cleared record has been read too.
    hongtu.emitDeviceAlarm({ alarmType: 500500 });
    await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('fire');
    await expect.poll(count, WAIT).toBe('2');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => banner.textContent(), WAIT).toContain('消防报警');
    await page.getByTestId('alarm-ack').click();
    await expect.poll(() => banner.textContent(), WAIT).toContain('防拆报警');
    await page.screenshot({ path: `${shots}/alarm-hongtu-tamper-zh-CN.png` });
    await expect.poll(count, WAIT).toBe('1');
    await context.close();
  }, 120_000);

  it('while the platform pushes pass records, a held-open alarm (500104) still comes within a poll interval', async () => {
    const api = await WsTestClient.connect(`${app.web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${app.web.token}` });
    try {
      const started = await api.invoke('receivers.start', { backendId: 1, host: '127.0.0.1' });
      if (!started.ok) throw new Error(JSON.stringify(started.error));
      const channel = async () => {
        const reply = await api.invoke('events.streams', { siteId: 1 });
        return reply.ok ? (reply.output as { streams: { channel: string }[] }).streams[0]?.channel : null;
      };
      // A pushed pass record (a stranger): the receiver has been called, the stream is on push (the list then read only to fill gaps).
      hongtu.emitPassRecord();
      await expect.poll(channel, WAIT).toBe('push');
      const { context, page } = await app.open('people');
      // That pushed record was a stranger: its alarm shows first.
      const banner = page.getByTestId('alarm-banner');
      await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('stranger');

      hongtu.emitDeviceAlarm({ alarmType: 500104 });
      await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('held-open');
      expect(await banner.textContent()).toContain('Door open timeout');
      expect(await channel()).toBe('push');
      await context.close();
    } finally {
      api.close();
    }
  }, 120_000);
});
