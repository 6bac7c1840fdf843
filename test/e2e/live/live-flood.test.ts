import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import type { WsTestClient } from '../../support/ws-client.ts';
import type { App } from '../support/app.ts';
import { startK30GateHouse } from '../support/k30-gate.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
const BURST = 300;

interface ListChanges {
  counts: number[];
}

/**
 * The Live page under a flood (issue 15, sustained-load bench): a K30 backend calling back 300
 * passes as fast as its simulator can, each announced on its own. The page keeps every one, but
 * once it sees the flood it draws the list in batches — at most one list update per 100 ms — instead
 * of once per event, which at 200 events/s filled the main thread with 100 ms long tasks.
 */
describe('the Live page under a flood of events', () => {
  let k30: K30Simulator;
  let app: App;
  let api: WsTestClient;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.28' });
    ({ app, api } = await startK30GateHouse(tempDir(), k30));
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await k30?.close();
  });

  it('keeps every event of a burst and updates the list in batches, not once per event', async () => {
    const { context, page } = await app.open('live');
    await expect.poll(() => page.getByTestId('live-page').isVisible(), WAIT).toBe(true);
    // One pass first, so the list exists; then count each change of its length.
    k30.emitPassRecord();
    await expect.poll(() => page.getByTestId('live-row').count(), WAIT).toBe(1);
    // A page script (no DOM types here): each change of the list's length.
    await page.evaluate(`(() => {
      const changes = { counts: [] };
      window.changes = changes;
      const feed = document.querySelector('[data-testid="live-feed"]');
      new MutationObserver(() => {
        changes.counts.push(Number(feed.getAttribute('data-count')));
      }).observe(feed, { attributes: true, attributeFilter: ['data-count'] });
    })()`);

    await k30.recordBurst(BURST);
    await expect.poll(() => page.getByTestId('live-feed').getAttribute('data-count'), WAIT).toBe(String(BURST + 1));
    const changes = (await page.evaluate('window.changes')) as ListChanges;
    expect(changes.counts.at(-1)).toBe(BURST + 1);
    // Before: one update per event (300). Now one per event only until the flood is seen (10 arrivals
    // within 100 ms; again after each lull in the simulator's sending), then at most one per 100 ms.
    expect(changes.counts.length).toBeLessThan(BURST / 4);
    // None lost, none doubled: the newest row is the burst's last pass, every key once.
    const keys = await page.getByTestId('live-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(new Set(keys).size).toBe(keys.length);
    await context.close();
  }, 180_000);
});
