import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOOR_TEST_TONES, OUTBOX_TONES, SEVERITY_TONES, TONES, VERDICT_TONES } from '../../../renderer/src/components/tones.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { shots, startApp, type App } from '../support/app.ts';
import { cliAnswer, cliJson } from '../support/cli.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-badges-token';

interface Look {
  readonly background: string;
  readonly color: string;
  readonly icon: string;
  readonly text: string;
}

/** What a badge looks like: its computed colours, the icon before its words, and the words. */
// This file is type-checked without the DOM library; the callbacks below run in the page.
declare function getComputedStyle(el: unknown, pseudo?: string): { backgroundColor: string; color: string; content: string };

function look(badge: Locator): Promise<Look> {
  return badge.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color, icon: getComputedStyle(el, '::before').content, text: el.textContent ?? '' };
  });
}

/** Red: the red channel well above green and blue. Amber: red and green well above blue. */
function rgb(css: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = (css.match(/\d+/g) ?? []).map(Number);
  return [r, g, b];
}
const isRed = (css: string) => {
  const [r, g, b] = rgb(css);
  return r - g > 60 && r - b > 60;
};
const isAmber = (css: string) => {
  const [r, g, b] = rgb(css);
  return r - b > 60 && g - b > 30 && r - g > 10;
};
const isGreen = (css: string) => {
  const [r, g, b] = rgb(css);
  return g - r > 40 && g - b > 20;
};

describe('badges by meaning, in Chromium (issue 12 item 6)', () => {
  let zkbio: ZkbioSimulator;
  let app: App;
  let dataDir: string;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Block 3');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', zkbio.url, '--token', TOKEN);
    // One person the backend takes, one it refuses for good (ZKBio −13: no such department).
    await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'B1001', '--name', 'Alice Wang', '--backend', '1');
    await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'B1002', '--name', 'Bob Li', '--department', 'NO-SUCH-DEPT', '--backend', '1');
    // Exits 1, an entry having failed: that is the point here.
    await cliAnswer(dataDir, 'sync', '--once');
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  it('Sync queue: a failed entry wears a red “Failed” badge with an icon, a done one green', async () => {
    const { context, page } = await app.open('sync');
    const failed = page.locator('[data-testid="outbox-row"][data-state="failed"] .badge');
    const done = page.locator('[data-testid="outbox-row"][data-state="done"] .badge');
    await failed.waitFor();
    const bad = await look(failed);
    const ok = await look(done);
    expect(bad.text).toBe('Failed');
    expect(isRed(bad.background) || isRed(bad.color), JSON.stringify(bad)).toBe(true);
    expect(isGreen(ok.background) || isGreen(ok.color), JSON.stringify(ok)).toBe(true);
    expect(bad.background).not.toBe(ok.background);
    expect(bad.icon).not.toMatch(/^(none|normal|"")$/);
    expect(bad.icon).not.toBe(ok.icon);
    await page.getByTestId('outbox-table').screenshot({ path: `${shots}/badges-sync-en.png` });
    await context.close();
  });

  it('Import check: errors red, warnings amber, each with its icon', async () => {
    const table = join(tempDir(), 'people.csv');
    // Column D is not a person field (a warning); row 3 has no name (an error); no photos (warnings).
    writeFileSync(table, ['工号,姓名,身份证号,备注', 'I1001,Alice Wang,,', 'I1002,,,'].join('\r\n') + '\r\n');
    const { context, page } = await app.open('import');
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-summary').count(), { timeout: 30_000 }).toBe(1);
    const error = await look(page.locator('[data-testid="import-problem-row"][data-severity="error"] .badge').first());
    const warning = await look(page.locator('[data-testid="import-problem-row"][data-severity="warning"] .badge').first());
    expect(isRed(error.background) || isRed(error.color), JSON.stringify(error)).toBe(true);
    expect(isAmber(warning.background) || isAmber(warning.color), JSON.stringify(warning)).toBe(true);
    expect(error.background).not.toBe(warning.background);
    expect(error.icon).not.toBe(warning.icon);
    await context.close();
  });

  it('every state of every list has a tone, and the app’s styles tell the tones apart', async () => {
    const { context, page } = await app.open('sync');
    const looks = await toneLooks(page);
    // Five tones, five different looks; bad is red, ok green, warn amber.
    expect(new Set(TONES.map((tone) => looks[tone]?.background)).size).toBe(TONES.length);
    expect(new Set(TONES.map((tone) => looks[tone]?.icon)).size).toBe(TONES.length);
    expect(isRed(looks.bad?.color ?? ''), JSON.stringify(looks.bad)).toBe(true);
    expect(isGreen(looks.ok?.color ?? ''), JSON.stringify(looks.ok)).toBe(true);
    expect(isAmber(looks.warn?.color ?? ''), JSON.stringify(looks.warn)).toBe(true);
    // Each list's failures look bad and its successes ok, whatever page shows them.
    for (const table of [OUTBOX_TONES, SEVERITY_TONES, VERDICT_TONES, DOOR_TEST_TONES] as const) {
      for (const tone of Object.values(table)) expect(TONES).toContain(tone);
    }
    expect(looks[OUTBOX_TONES.failed]).toEqual(looks.bad);
    expect(looks[OUTBOX_TONES.done]).toEqual(looks.ok);
    expect(looks[DOOR_TEST_TONES.fail]).toEqual(looks.bad);
    expect(looks[DOOR_TEST_TONES.pass]).toEqual(looks.ok);
    expect(looks[VERDICT_TONES.unreachable]).toEqual(looks.bad);
    expect(looks[VERDICT_TONES.ok]).toEqual(looks.ok);
    expect(looks[SEVERITY_TONES.error]).toEqual(looks.bad);
    expect(looks[SEVERITY_TONES.warning]).toEqual(looks.warn);
    await context.close();
  });
});

/** A badge of each tone, styled by the built app's own CSS inside the running page. */
async function toneLooks(page: Page): Promise<Record<string, Omit<Look, 'text'>>> {
  // A string, as this file is type-checked without the DOM library.
  return page.evaluate<Record<string, Omit<Look, 'text'>>>(`(() => {
    const out = {};
    for (const tone of ${JSON.stringify(TONES)}) {
      const el = document.createElement('span');
      el.className = 'badge badge-' + tone;
      el.textContent = tone;
      document.querySelector('main').append(el);
      const style = getComputedStyle(el);
      out[tone] = { background: style.backgroundColor, color: style.color, icon: getComputedStyle(el, '::before').content };
      el.remove();
    }
    return out;
  })()`);
}
