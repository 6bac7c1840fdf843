import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

interface Seen {
  events: string[];
  states: { backendId: number; state: string; reason: { en: string; 'zh-CN': string } | null }[];
  streams: unknown;
}

/**
 * The event pipeline runs in the web server (issue 15 item 1): a page in Chromium that only
 * subscribes — never polls — gets each new event and each stream state change over the API's
 * WebSocket, and `events.streams` answers every backend's state.
 */
describe('the event pipeline seen from a page', () => {
  let hongtu: HongtuSimulator;
  let app: App;

  beforeAll(async () => {
    hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await hongtu?.close();
  });

  it('delivers a backend’s new events and its stream state by subscription', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Gate house');
    const wsUrl = `${new URL(app.web.url).origin.replace(/^http/, 'ws')}/api`;
    // A second connection, as the Live page would hold: subscribe first, then the backend appears.
    await page.evaluate(
      ([url, token]) => {
        const seen: Seen = { events: [], states: [], streams: null };
        (globalThis as unknown as { seen: Seen }).seen = seen;
        const ws = new WebSocket(url!, ['doorman', `doorman.token.${token}`]);
        ws.addEventListener('open', () => {
          ws.send(JSON.stringify({ type: 'subscribe', id: 1, event: 'events.received' }));
          ws.send(JSON.stringify({ type: 'subscribe', id: 2, event: 'events.streamState' }));
        });
        ws.addEventListener('message', (m) => {
          const frame = JSON.parse(String(m.data)) as { type: string; id?: number; event?: string; payload?: { events?: { eventId: string }[] } & Seen['states'][number]; reply?: { output?: unknown } };
          if (frame.type === 'event' && frame.event === 'events.received') seen.events.push(...(frame.payload?.events ?? []).map((e) => e.eventId));
          if (frame.type === 'event' && frame.event === 'events.streamState' && frame.payload) seen.states.push(frame.payload);
          if (frame.type === 'reply' && frame.id === 9) seen.streams = frame.reply?.output;
        });
        (globalThis as unknown as { askStreams: (siteId: number) => void }).askStreams = (siteId) => ws.send(JSON.stringify({ type: 'invoke', id: 9, method: 'events.streams', input: { siteId } }));
      },
      [wsUrl, app.web.token] as const,
    );
    await addBackend(page, { vendor: 'hongtu', name: 'Tower', url: hongtu.url, appKey: hongtu.appKey, secret: hongtu.secretKey });
    const seen = () => page.evaluate(() => (globalThis as unknown as { seen: Seen }).seen);

    await expect.poll(async () => (await seen()).states.map((s) => s.state), { timeout: 20_000 }).toContain('polling');
    const record = hongtu.emitPassRecord();
    await expect.poll(async () => (await seen()).events, { timeout: 20_000 }).toContain(`ht:${record.id}`);
    expect((await seen()).events.filter((id) => id === `ht:${record.id}`)).toHaveLength(1);

    await page.evaluate(() => (globalThis as unknown as { askStreams: (siteId: number) => void }).askStreams(1));
    await expect.poll(async () => (await seen()).streams, { timeout: 20_000 }).toMatchObject({ streams: [{ siteId: 1, state: 'polling', channel: 'poll' }] });
    const polling = (await seen()).states.find((s) => s.state === 'polling' && s.reason !== null);
    expect(polling?.reason?.['zh-CN']).toContain('轮询');
    await context.close();
  }, 120_000);
});
