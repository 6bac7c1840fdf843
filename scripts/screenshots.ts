// `node scripts/screenshots.ts [--out <dir>] [name…]`: the README's screenshots, made from a real
// run. Starts what `npm run demo` starts (scripts/demo-setup.ts: the ZKBio, Hongtu and K30
// simulators on loopback, the core on a fresh temporary data folder, the web UI), prepares a site as an installer's day would (the
// two backends tested and read, the Hongtu wizard run, people enrolled, an import checked, door
// tests run), drives Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH) through the
// pages at 1280×800 and writes PNGs to docs/screenshots/ (or --out):
//
//   scan-en.png  backends-zkbio-en.png  backends-hongtu-wizard-zh.png  door-tests-en.png
//   report-zh-CN.png  enroll-en.png  import-zh.png  people-en.png  sync-en.png
//
// Name some of them (e.g. `node scripts/screenshots.ts report-zh-CN`) to write only those. Needs the
// renderer built (`npx electron-vite build`), the face fixture (.tools/fixtures/astronaut.png, which
// `bash scripts/dev.sh test` fetches) and a CJK font for the Chinese ones (fonts-noto-cjk). Nothing
// leaves this computer: the simulators listen on 127.0.0.x. Times are in Asia/Shanghai (the demo
// site's zone) unless TZ is set. Exit 1 if any screenshot failed (each is reported by name).
process.env['TZ'] ??= 'Asia/Shanghai';

import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { call } from '../electron/cli/call.ts';
import { SEED_IDS } from '../test/simulators/hongtu/seed.ts';
import { astronautJpeg } from '../test/support/astronaut.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { astronautY4m } from '../test/e2e/support/fake-camera.ts';
import { DEMO_ZKBIO_TOKEN, startDemo } from './demo-setup.ts';

const SHOTS = ['scan-en', 'backends-zkbio-en', 'backends-hongtu-wizard-zh', 'door-tests-en', 'report-zh-CN', 'enroll-en', 'import-zh', 'people-en', 'sync-en'] as const;
type Shot = (typeof SHOTS)[number];

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const outDir = options.out ?? join(root, 'docs', 'screenshots');
const unknown = positionals.filter((name) => !(SHOTS as readonly string[]).includes(name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown screenshot ${unknown.join(', ')}. Known: ${SHOTS.join(' ')}\n`);
  process.exit(2);
}
const wanted = new Set<Shot>(positionals.length > 0 ? (positionals as Shot[]) : SHOTS);
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = { timeout: 30_000 };
const TOKEN = DEMO_ZKBIO_TOKEN;

const dataDir = mkdtempSync(join(tmpdir(), 'doorman-screenshots-'));
const files = join(dataDir, 'files');
mkdirSync(files);
mkdirSync(outDir, { recursive: true });

// What `npm run demo` starts (scripts/demo-setup.ts), at the demo's addresses and ports so the
// pictures show what a reader of the README sees (another free port when they are taken, e.g.
// while the demo runs), with the site as an installer would have it by mid-morning.
const demo = await startDemo({
  dataDir: join(dataDir, 'data'),
  staticDir: join(root, 'out', 'renderer'),
  site: { name: 'Hangzhou Block 3 杭州3号楼', address: '杭州市西湖区文三路88号 (88 Wensan Road, Hangzhou)' },
});
const { zkbio, hongtu, core } = demo;
const web = { url: demo.url };
const sims = [demo.zkbio, demo.hongtu, demo.k30].map((sim) => new URL(sim.url));
const site = { id: demo.siteId };
const browser: Browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${await astronautY4m()}`]);

// Its backends, tested and read.
const zk = await call(core, 'backends.add', { siteId: site.id, vendor: 'zkbio', name: 'ZKBio main server', baseUrl: zkbio.url, credentials: { token: TOKEN } });
const ht = await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', name: 'Hongtu platform', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } });
for (const backend of [zk, ht]) {
  await call(core, 'backends.test', { id: backend.id });
  await call(core, 'backends.inventory', { id: backend.id, refresh: true });
}
const face = astronautJpeg().toString('base64');
for (const [pin, name, idNumber] of [
  ['P1001', '王建国', '11010519491231002X'],
  ['P1002', 'Li Lei', undefined],
  ['P1003', '韩梅梅', undefined],
] as const) {
  await call(core, 'people.enroll', { siteId: site.id, person: { pin, name, ...(idNumber ? { idNumber } : {}) }, targets: [{ backendId: zk.id, accessLevelIds: [] }], face: { jpegBase64: face, failedChecks: [] } });
}

async function open(route: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: VIEWPORT, ...(process.env['TZ'] ? { timezoneId: process.env['TZ'] } : {}), reducedMotion: 'reduce', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(web.url);
  await page.getByTestId(`nav-${route}`).click();
  return page;
}

async function save(page: Page, name: Shot): Promise<void> {
  // Let fonts and the last layout settle; the caret would differ from run to run.
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: join(outDir, `${name}.png`), caret: 'hide', animations: 'disabled' });
  process.stdout.write(`  wrote ${name}.png\n`);
}

/** Scrolls the page so the element's top (or bottom) is at the top (or bottom) of the window. */
async function scrollTo(locator: Locator, block: 'start' | 'end' = 'start'): Promise<void> {
  await locator.evaluate((element, at) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: at }), block);
  // Only the main area scrolls in the app; scrollIntoView may have moved the whole window too.
  await locator.page().evaluate('window.scrollTo(0, 0)');
}

async function backendsPage(locale: string, backendId: number): Promise<Page> {
  const page = await open('backends', locale);
  await page.locator(`[data-testid="backend-row"][data-backend-id="${backendId}"]`).getByTestId('backend-open').click();
  return page;
}

/** The Hongtu wizard, start to finish, as in test/e2e/backends/hongtu-wizard.test.ts. */
async function hongtuWizard(shoot: boolean): Promise<void> {
  const page = await backendsPage('en-US', ht.id);
  await page.getByTestId('wizard-open').click(WAIT);
  await page.getByTestId('wizard-panel').selectOption(SEED_IDS.panelASn);
  await page.getByTestId('wizard-panel-name').fill('North gate');
  await page.getByTestId('wizard-panel-location').fill('North entrance');
  const step = async (name: string) => {
    const body = page.locator(`[data-testid="wizard-body"][data-step="${name}"]`);
    await body.getByTestId('wizard-run').click(WAIT);
    await body.getByTestId('wizard-result').or(body.getByTestId('wizard-error')).waitFor(WAIT);
  };
  await step('import');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-server').selectOption(SEED_IDS.edgeServer);
  await step('bind');
  await page.getByTestId('wizard-next').click();
  await step('door');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-group-name').fill('Steel-fixers');
  await step('group');
  await page.getByTestId('wizard-next').click();
  await step('authority');
  if (shoot) {
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await page.getByTestId('wizard-result').filter({ hasText: '时间计划' }).waitFor(WAIT);
    await page.getByTestId('wizard').scrollIntoViewIfNeeded();
    await save(page, 'backends-hongtu-wizard-zh');
    await page.getByTestId('lang-switch').selectOption('en');
  }
  await page.getByTestId('wizard-finish').click();
  await page.getByTestId('wizard').waitFor({ state: 'detached', ...WAIT });
  await page.context().close();
}

const shots: Record<Shot, () => Promise<void>> = {
  async 'scan-en'() {
    const page = await open('scan', 'en-US');
    await page.getByTestId('scan-targets').fill(sims.map((u) => u.hostname).join(' '));
    await page.getByTestId('scan-ports').fill(sims.map((u) => u.port).join(','));
    await page.getByTestId('scan-start').click();
    await page.locator('[data-testid="scan-progress"][data-state="done"]').waitFor(WAIT);
    await page.getByTestId('scan-row').first().waitFor(WAIT);
    await page.getByTestId('scan-results').scrollIntoViewIfNeeded();
    await save(page, 'scan-en');
    await page.context().close();
  },
  async 'backends-zkbio-en'() {
    const page = await backendsPage('en-US', zk.id);
    await page.getByTestId('backend-test').click();
    await page.getByTestId('verdict').waitFor(WAIT);
    await page.getByTestId('inventory-tab-doors').click(WAIT);
    await page.getByTestId('inventory-doors').getByTestId('inventory-door').first().waitFor(WAIT);
    await scrollTo(page.getByTestId('verdict'));
    await save(page, 'backends-zkbio-en');
    await page.context().close();
  },
  'backends-hongtu-wizard-zh': () => hongtuWizard(true),
  async 'door-tests-en'() {
    const page = await open('door-tests', 'en-US');
    await page.getByTestId('doortest-installer').fill('Li Lei');
    await page.getByTestId('doortest-backend').selectOption(String(zk.id));
    await page.getByTestId('doortest-door').first().check(WAIT);
    const before = await page.getByTestId('doortest-result-row').count();
    await page.getByTestId('doortest-run').click();
    await page.getByTestId('doortest-result-row').nth(before).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="doortest-run-panel"]:not([data-state="running"])').waitFor(WAIT);
    await page.getByTestId('doortest-result-row').first().getByTestId('doortest-evidence-toggle').click();
    await scrollTo(page.getByTestId('doortest-run-panel'));
    await save(page, 'door-tests-en');
    await page.context().close();
  },
  async 'report-zh-CN'() {
    const page = await open('report', 'zh-CN');
    await page.getByTestId('report-installer').fill('李雷');
    await page.getByTestId('report-customer').fill('韩梅梅');
    const report = page.getByTestId('report-frame').locator('.report-body');
    await report.locator('[data-signoff="customer-name"]').filter({ hasText: '韩梅梅' }).waitFor(WAIT);
    // The door-test verdicts and the sign-off block: the end of the report.
    await scrollTo(report.locator('.signoff'), 'end');
    await save(page, 'report-zh-CN');
    await page.context().close();
  },
  async 'enroll-en'() {
    const page = await open('enroll', 'en-US');
    await page.getByTestId('enroll-pin').fill('A1001');
    await page.getByTestId('enroll-name').fill('Eileen Collins');
    await page.getByTestId('enroll-id-number').fill('11010519491231002X');
    await page.getByTestId('face-captured').waitFor({ timeout: 60_000 });
    await save(page, 'enroll-en');
    await page.context().close();
  },
  async 'import-zh'() {
    const table = join(files, 'people.csv');
    // Two good rows and two with problems (a wrong ID checksum, no name), as a clerk's sheet has.
    writeFileSync(table, ['工号,姓名,身份证号', 'I2001,赵敏,', 'I2002,周芷若,', 'I2003,张无忌,110105194912310021', 'I2004,,'].join('\r\n') + '\r\n');
    // Photos named after the personnel numbers, for the two good rows (the astronaut, a real face).
    const photos = ['I2001', 'I2002'].map((pin) => join(files, `${pin}.jpg`));
    for (const photo of photos) writeFileSync(photo, astronautJpeg());
    const page = await open('import', 'zh-CN');
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-photos').setInputFiles(photos);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await scrollTo(page.getByTestId('import-summary'));
    await save(page, 'import-zh');
    await page.context().close();
  },
  async 'people-en'() {
    const page = await open('people', 'en-US');
    await page.getByTestId('person-row').first().waitFor(WAIT);
    await save(page, 'people-en');
    await page.context().close();
  },
  async 'sync-en'() {
    const page = await open('sync', 'en-US');
    await page.locator('main').getByText('P1001').first().waitFor(WAIT);
    await save(page, 'sync-en');
    await page.context().close();
  },
};

/** A remote-open test on the first door of each backend, run by the core, so the report has verdicts. */
async function doorTestsByCore(): Promise<void> {
  for (const backend of [zk, ht]) {
    const inventory = await call(core, 'backends.inventory', { id: backend.id, refresh: true });
    const door = inventory?.doors[0];
    if (door) await call(core, 'doorTests.run', { runId: randomUUID(), backendId: backend.id, doorId: door.id, test: 'open', installer: '李雷' });
  }
}

const failed: string[] = [];
async function attempt(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  // The page shots in the order of an installer's day. The Hongtu wizard makes the door the door
  // tests and the report show: it runs even when its screenshot is not wanted.
  for (const name of ['scan-en', 'backends-zkbio-en'] as const) if (wanted.has(name)) await attempt(name, shots[name]);
  await attempt('backends-hongtu-wizard-zh', () => hongtuWizard(wanted.has('backends-hongtu-wizard-zh')));
  await attempt('door tests run by the core', doorTestsByCore);
  for (const name of ['enroll-en', 'import-zh', 'people-en', 'sync-en', 'door-tests-en', 'report-zh-CN'] as const) if (wanted.has(name)) await attempt(name, shots[name]);
} finally {
  await browser.close();
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (failed.length > 0) {
  process.stderr.write(`Some screenshots failed:\n${failed.map((line) => `  ${line}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`Screenshots in ${outDir}\n`);
