import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import type { WsTestClient } from '../../support/ws-client.ts';
import { cliJson } from '../support/cli.ts';
import { startApp, type App } from '../support/app.ts';
import { connectApi, startK30Callbacks } from '../support/k30-gate.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
const FACE = fileURLToPath(new URL('../../../.tools/fixtures/astronaut.png', import.meta.url));

const rows = (page: Page) => page.getByTestId('live-row');
/** The picture is drawn (decoded, not blocked by the page's CSP): its natural width. */
const drawnWidth = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img) => {
    const picture = img as unknown as { complete: boolean; naturalWidth: number };
    return picture.complete ? picture.naturalWidth : 0;
  });
const rowsOf = (page: Page, backendId: number) => page.locator(`[data-testid="live-row"][data-backend-id="${backendId}"]`);

/**
 * The guard room's Live page (issue 15 item 2): events of every backend of the site in one feed,
 * newest first, by subscription (K30 through its receiver, Hongtu and ZKBio through their event lists); a
 * stranger stands out; "N new" while paused; filters; each backend's stream health in the header
 * of another page; the same in Chinese.
 */
describe('the Live page', () => {
  let k30: K30Simulator;
  let hongtu: HongtuSimulator;
  let zkbio: ZkbioSimulator;
  let app: App;
  let api: WsTestClient;
  let dataDir: string;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.23' });
    hongtu = await startHongtuSimulator({ host: '127.0.0.24' });
    zkbio = await startZkbioSimulator({ token: 'live-token' });
    dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate house');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--name', 'K30 gate', '--url', k30.url, '--company-no', k30.companyNo);
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'hongtu', '--name', 'Tower', '--url', hongtu.url, '--app-key', hongtu.appKey, '--secret', hongtu.secretKey);
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'zkbio', '--name', 'Office', '--url', zkbio.url, '--token', 'live-token');
    app = await startApp(dataDir);
    api = await connectApi(app);
    await startK30Callbacks(api, k30);
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await hongtu?.close();
    await zkbio?.close();
    await k30?.close();
  });

  it('shows the enrolled face (Doorman’s, by personnel number) beside the captured one, larger on click', async () => {
    // An installer enrolls Li Na with her photo and sends her to the Hongtu backend (CLI, as the README shows).
    await cliJson(dataDir, 'enroll', '--site', '1', '--pin', '7001', '--name', 'Li Na', '--photo', FACE, '--backend', '2');
    await cliJson(dataDir, 'sync', '--once');
    const person = hongtu.state.personByCode('7001');
    if (!person) throw new Error('Li Na did not reach the Hongtu simulator');
    const { context, page } = await app.open('live');
    // K30's receiver runs but K30 has not called it yet: its stream polls and says where to type the URL.
    const k30Badge = page.locator('[data-testid="stream-badge"][data-backend-id="1"]');
    await expect.poll(() => k30Badge.getAttribute('title'), WAIT).toContain('has not called it yet');
    expect(await k30Badge.getAttribute('title')).toContain('third-party forwarding URL');
    expect(await k30Badge.getAttribute('data-state')).toBe('polling');
    const record = hongtu.emitPassRecord({ personUuid: person.uuid });
    const row = page.locator(`[data-testid="live-row"][data-key="2:ht:${record.id}"]`);
    await expect.poll(() => row.count(), WAIT).toBe(1);
    await expect.poll(() => row.getByTestId('live-enrolled').getAttribute('src'), WAIT).toMatch(/^data:image\/jpeg;base64,/);
    // Hongtu's snapshotUrl is on the platform's host, which the page's CSP does not admit: the core
    // reads it and the page draws the bytes.
    await expect.poll(() => row.getByTestId('live-captured').getAttribute('src'), WAIT).toMatch(/^data:image\/jpeg;base64,/);
    await expect.poll(() => drawnWidth(page, `[data-key="2:ht:${record.id}"] [data-testid="live-captured"]`), WAIT).toBeGreaterThan(0);
    await row.getByTestId('live-photos').click();
    const dialog = page.getByTestId('live-photo-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    expect(await dialog.locator('img').count()).toBe(2);
    expect(await dialog.textContent()).toContain('Li Na');
    await context.close();
  }, 180_000);

  it('shows the three backends in one feed, a stranger standing out, N new while paused, filters, and stream health on every page', async () => {
    const { context, page } = await app.open('live');
    await expect.poll(() => page.getByTestId('live-page').isVisible(), WAIT).toBe(true);

    // A stranger at the K30 terminal: pushed to the receiver, on screen without a reload.
    k30.emitPassRecord({ stranger: true });
    await expect.poll(() => page.locator('[data-testid="live-row"][data-result="stranger"]').count(), WAIT).toBe(1);
    const stranger = page.locator('[data-testid="live-row"][data-result="stranger"]');
    expect(await stranger.getAttribute('class')).toContain('live-row-stranger');
    expect(await stranger.getByTestId('live-result').textContent()).toContain('Stranger');
    expect(await stranger.getByTestId('live-result').textContent()).toContain('⚠');

    // A Hongtu pass, read from its event list: the same feed, newest first.
    const record = hongtu.emitPassRecord();
    await expect.poll(() => rows(page).first().getAttribute('data-key'), WAIT).toBe(`2:ht:${record.id}`);
    expect(await rowsOf(page, 1).count()).toBeGreaterThan(0);
    // A ZKBio transaction, read by its monitor or event list: the third backend, the same feed.
    const zkbioBefore = await rowsOf(page, 3).count();
    zkbio.emitTransaction();
    await expect.poll(() => rowsOf(page, 3).count(), WAIT).toBeGreaterThan(zkbioBefore);

    // Paused: a new event waits behind "N new"; the list does not move; clicking shows it on top.
    // (Counted once paused: a backend's late event may still arrive, and then waits with the rest.)
    await page.getByTestId('live-pause').click();
    const before = await rows(page).count();
    const strangers = page.locator('[data-testid="live-row"][data-result="stranger"][data-backend-id="1"]');
    const strangersBefore = await strangers.count();
    k30.emitPassRecord({ stranger: true });
    await expect.poll(async () => Number((await page.getByTestId('live-new').getAttribute('data-count')) ?? '0'), WAIT).toBeGreaterThanOrEqual(1);
    expect(await rows(page).count()).toBe(before);
    await page.getByTestId('live-new').click();
    await expect.poll(() => strangers.count(), WAIT).toBe(strangersBefore + 1);
    expect(await page.getByTestId('live-new').count()).toBe(0);

    // Filters: one backend; strangers only; cleared.
    await page.getByTestId('live-filter-backend').selectOption('2');
    await expect.poll(() => rowsOf(page, 1).count(), WAIT).toBe(0);
    expect(await rowsOf(page, 2).count()).toBeGreaterThan(0);
    await page.getByTestId('live-filter-clear').click();
    await page.getByTestId('live-filter-result').selectOption('stranger');
    await expect.poll(() => page.locator('[data-testid="live-row"]:not([data-result="stranger"])').count(), WAIT).toBe(0);
    expect(await rowsOf(page, 1).count()).toBe(2);
    await page.getByTestId('live-filter-result').selectOption('passed');
    await expect.poll(() => rowsOf(page, 1).count(), WAIT).toBe(0);
    await page.getByTestId('live-filter-clear').click();

    // The header on another page: one indicator per backend, with its state in words.
    await page.getByTestId('nav-people').click();
    await expect.poll(() => page.getByTestId('stream-badge').count(), WAIT).toBe(3);
    // K30 has called its receiver (the strangers above): its stream is real-time now.
    await expect.poll(() => page.locator('[data-testid="stream-badge"][data-backend-id="1"]').getAttribute('data-state'), WAIT).toBe('connected');
    const tower = page.locator('[data-testid="stream-badge"][data-backend-id="2"]');
    expect(await tower.textContent()).toMatch(/Tower: (connected|polling|stale|offline)/);
    await tower.click();
    expect(await page.getByTestId('stream-popover').textContent()).toContain('Since');
    await context.close();
  }, 180_000);

  it('draws only the rows in view with hundreds loaded, and counts "N new" while the guard has scrolled down', async () => {
    const { context, page } = await app.open('live');
    await expect.poll(() => rows(page).count(), WAIT).toBeGreaterThan(0);
    const before = Number(await page.getByTestId('live-feed').getAttribute('data-count'));
    for (let i = 0; i < 400; i++) k30.emitPassRecord({ stranger: true });
    await k30.callbacks.idle();
    const feed = page.getByTestId('live-feed');
    await expect.poll(async () => Number(await feed.getAttribute('data-count')), WAIT).toBe(before + 400);
    expect(await rows(page).count()).toBeLessThanOrEqual(30);

    // Scrolled down to read: a new pass waits behind "N new"; the rows in view do not move.
    await feed.hover();
    await page.mouse.wheel(0, 6000);
    await expect.poll(() => feed.evaluate((el) => el.scrollTop), WAIT).toBeGreaterThan(1000);
    await expect.poll(() => rows(page).first().getAttribute('data-key'), WAIT).not.toBe(null);
    const inView = await rows(page).first().getAttribute('data-key');
    const total = Number(await feed.getAttribute('data-count'));
    k30.emitPassRecord({ stranger: true });

    await expect.poll(() => page.getByTestId('live-new').getAttribute('data-count'), WAIT).toBe('1');
    expect(Number(await feed.getAttribute('data-count'))).toBe(total);
    expect(await rows(page).first().getAttribute('data-key')).toBe(inView);
    await page.getByTestId('live-new').click();
    await expect.poll(async () => Number(await feed.getAttribute('data-count')), WAIT).toBe(total + 1);
    await expect.poll(() => feed.evaluate((el) => el.scrollTop), WAIT).toBe(0);
    await context.close();
  }, 180_000);

  it('reads in Chinese', async () => {
    const { context, page } = await app.open('live', 'zh-CN');
    await expect.poll(() => page.locator('[data-testid="live-row"][data-result="stranger"]').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('h1').first().textContent()).toBe('实时');
    expect(await page.locator('[data-testid="live-row"][data-result="stranger"]').first().getByTestId('live-result').textContent()).toContain('陌生人');
    await expect.poll(() => page.getByTestId('stream-badge').count(), WAIT).toBe(3);
    expect(await page.getByTestId('stream-health').textContent()).toMatch(/已连接|轮询中|延迟|离线/);
    await context.close();
  }, 120_000);

  it('raises an alarm when a ZKBio door is forced, with no Live page open: the core reads door states', async () => {
    const { context, page } = await app.open('people');
    const door = zkbio.state.doors[0];
    if (!door) throw new Error('no door');
    // ZKBio reports the door "be opened accidentally" (door/allDoorState §6.2); no page lists the doors.
    const res = await fetch(`${zkbio.url}/__sim/doors`, { method: 'POST', headers: { authorization: `Bearer ${zkbio.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: door.id, alarm: 'be opened accidentally' }) });
    expect(res.status).toBe(200);
    const banner = page.getByTestId('alarm-banner');
    await expect.poll(() => banner.getAttribute('data-alarm-class'), WAIT).toBe('door-forced');
    expect(await banner.textContent()).toContain('Door opened accidentally (forced)');
    expect(await banner.textContent()).toContain('Office');
    await context.close();
    const zh = await app.open('people', 'zh-CN');
    await expect.poll(() => zh.page.getByTestId('alarm-banner').textContent(), WAIT).toContain('门被意外打开');
    await zh.context.close();
  }, 120_000);

  it('says in the header what went wrong with a backend, in its driver’s words: Hongtu answering HTTP 500', async () => {
    hongtu.faults.httpError(500);
    const { context, page } = await app.open('people');
    const tower = page.locator('[data-testid="stream-badge"][data-backend-id="2"]');
    await expect.poll(() => tower.getAttribute('data-state'), WAIT).toBe('stale');
    await expect.poll(() => tower.getAttribute('title'), WAIT).toContain('The backend answered with an error (HTTP 500)');
    await context.close();
    const zh = await app.open('people', 'zh-CN');
    await expect.poll(() => zh.page.locator('[data-testid="stream-badge"][data-backend-id="2"]').getAttribute('title'), WAIT).toContain('后台返回了错误（HTTP 500）');
    await zh.context.close();
  }, 120_000);

  it('places a late event by its event time, not on top: in place while following, quietly (not in "N new") while paused, and the view holds still when scrolled', async () => {
    const { context, page } = await app.open('live');
    const feed = page.getByTestId('live-feed');
    await expect.poll(() => rows(page).count(), WAIT).toBeGreaterThan(0);
    // K30 only: the other backends' rows come and go meanwhile (ZKBio's list adopting monitored passes).
    await page.getByTestId('live-filter-backend').selectOption('1');
    const newest = k30.emitPassRecord({ stranger: true });
    await expect.poll(() => rows(page).first().getAttribute('data-key'), WAIT).toBe(`1:k30:${newest.no}`);

    // Following the top: an event a second older than the newest (a device clock behind, a poll filling a gap) goes under it.
    let count = Number(await feed.getAttribute('data-count'));
    const late = k30.emitPassRecord({ stranger: true, at: newest.at - 1_000 });
    await expect.poll(async () => Number(await feed.getAttribute('data-count')), WAIT).toBe(count + 1);
    expect(await rows(page).nth(0).getAttribute('data-key')).toBe(`1:k30:${newest.no}`);
    expect(await rows(page).nth(1).getAttribute('data-key')).toBe(`1:k30:${late.no}`);

    // Paused: a late one is put in its place at once and not counted; a newer one waits behind "N new".
    await page.getByTestId('live-pause').click();
    count = Number(await feed.getAttribute('data-count'));
    const later = k30.emitPassRecord({ stranger: true, at: newest.at - 2_000 });
    await expect.poll(async () => Number(await feed.getAttribute('data-count')), WAIT).toBe(count + 1);
    expect(await rows(page).nth(2).getAttribute('data-key')).toBe(`1:k30:${later.no}`);
    expect(await page.getByTestId('live-new').count()).toBe(0);
    const fresh = k30.emitPassRecord({ stranger: true });
    await expect.poll(() => page.getByTestId('live-new').getAttribute('data-count'), WAIT).toBe('1');
    expect(await rows(page).first().getAttribute('data-key')).toBe(`1:k30:${newest.no}`);
    await page.getByTestId('live-new').click();
    await expect.poll(() => rows(page).first().getAttribute('data-key'), WAIT).toBe(`1:k30:${fresh.no}`);

    // Scrolled down: a late event placed above the view does not move the rows the guard reads.
    await feed.hover();
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => feed.evaluate((el) => el.scrollTop), WAIT).toBeGreaterThan(1000);
    await expect.poll(() => rows(page).first().getAttribute('data-key'), WAIT).not.toBe(`1:k30:${fresh.no}`);
    const inView = await rows(page).first().getAttribute('data-key');
    count = Number(await feed.getAttribute('data-count'));
    // K30 times are whole seconds: 1.5 s before the top row (`fresh`) is older than it in any case
    // (half a second before `newest` could fall in the top row's own second and wait behind "N new").
    k30.emitPassRecord({ stranger: true, at: fresh.at - 1_500 });
    await expect.poll(async () => Number(await feed.getAttribute('data-count')), WAIT).toBe(count + 1);
    await expect.poll(() => rows(page).first().getAttribute('data-key'), WAIT).toBe(inView);
    expect(await page.getByTestId('live-new').count()).toBe(0);
    await context.close();
  }, 180_000);

  it('shows K30’s pass snapshot (record photo, a pre-signed link the simulator serves) beside the enrolled face, both drawn', async () => {
    // Enrolled through the app's API (the test's data folder is gone after the first test, so no CLI);
    // the app's sync engine sends her to K30.
    const enrolled = await api.invoke('people.enroll', { siteId: 1, person: { pin: '7002', name: 'Wang Fang' }, targets: [{ backendId: 1, accessLevelIds: [SEED_IDS.gateRegion] }], face: { jpegBase64: astronautJpeg().toString('base64'), failedChecks: [] } });
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));
    const k30Person = () => [...k30.state.people.values()].find((p) => p.jobnumber === '7002');
    await expect.poll(() => k30Person() !== undefined, WAIT).toBe(true);
    const person = k30Person()!;
    const { context, page } = await app.open('live');
    const record = k30.emitPassRecord({ peopleno: person.no });
    expect(k30.snapshotUrl(record)).toMatch(/\/snapshots\/\d+\.jpg\?OSSAccessKeyId=/);
    const selector = `[data-testid="live-row"][data-key="1:k30:${record.no}"]`;
    const row = page.locator(selector);
    await expect.poll(() => row.count(), WAIT).toBe(1);
    await expect.poll(() => row.getByTestId('live-enrolled').getAttribute('src'), WAIT).toMatch(/^data:image\/jpeg;base64,/);
    await expect.poll(() => row.getByTestId('live-captured').getAttribute('src'), WAIT).toMatch(/^data:image\/jpeg;base64,/);
    await expect.poll(() => drawnWidth(page, `${selector} [data-testid="live-enrolled"]`), WAIT).toBeGreaterThan(0);
    await expect.poll(() => drawnWidth(page, `${selector} [data-testid="live-captured"]`), WAIT).toBeGreaterThan(0);
    await row.getByTestId('live-photos').click();
    const dialog = page.getByTestId('live-photo-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    expect(await dialog.locator('img').count()).toBe(2);
    expect(await dialog.textContent()).toContain('Wang Fang');
    await context.close();
  }, 180_000);
});
