import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import type { HongtuSimulator } from '../../simulators/hongtu/server.ts';
import type { ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { shots, startE2eSite, type E2eSite } from '../support/site.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-departments-token';
const WAIT = { timeout: 30_000 };

/** Issue 12 item 1 (departments are the backend's codes) and item 14 (Edit changes levels and backends). */
describe('departments from the backend’s list; levels and backends in People → Edit', () => {
  let site: E2eSite;
  let zkbio: ZkbioSimulator;
  let hongtu: HongtuSimulator;

  beforeAll(async () => {
    site = await startE2eSite({
      token: TOKEN,
      camera: 'no-face',
      prepare: async (dataDir) => {
        await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'E1', '--name', 'Edit Me', '--backend', String(BACKENDS.zkbio));
      },
    });
    ({ zkbio, hongtu } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  async function open(nav: string, locale = 'en-US'): Promise<Page> {
    const { page } = await site.open({ locale });
    await page.getByTestId(`nav-${nav}`).click();
    return page;
  }

  const target = (page: Page, prefix: string, backendId: number) => page.locator(`[data-testid="${prefix}-target"][data-backend-id="${backendId}"]`);

  it('Enroll: the department is picked by name from ZKBio’s list and reaches ZKBio as its code; Hongtu says it has none', async () => {
    const page = await open('enroll');
    await page.getByTestId('enroll-pin').fill('D1001');
    await page.getByTestId('enroll-name').fill('Dept Person');
    const department = page.getByTestId('enroll-department');
    const hint = page.getByTestId('enroll-department-hint');
    // No backend yet: nothing to pick from.
    expect(await department.isDisabled()).toBe(true);
    expect(await hint.textContent()).toContain('Choose the target backends first');
    // Hongtu only: no departments there, and the screen says so.
    await target(page, 'enroll', BACKENDS.hongtu).check();
    await expect.poll(() => hint.textContent()).toContain('no departments');
    expect(await department.isDisabled()).toBe(true);
    // With ZKBio: its departments by name.
    await target(page, 'enroll', BACKENDS.zkbio).check();
    await expect.poll(() => department.isEnabled(), WAIT).toBe(true);
    await expect.poll(() => department.locator('option').allTextContents(), WAIT).toEqual(expect.arrayContaining(['General', 'Construction', '土建一班', 'Electrical']));
    await department.selectOption({ label: 'Construction' });
    expect(await department.inputValue()).toBe('2');
    await page.screenshot({ path: `${shots}/enroll-department.png`, fullPage: true });
    await page.getByTestId('enroll-save').click();
    // No face captured here: the save asks for a reason first (issue 12 item 2).
    await page.getByTestId('no-face-reason').fill('Photo to follow');
    await page.getByTestId('no-face-confirm').click();
    await expect.poll(() => page.getByTestId('enroll-result').count(), WAIT).toBe(1);
    await expect.poll(() => zkbio.state.persons.get('D1001')?.deptCode, WAIT).toBe('2');
    expect(await page.locator(`[data-testid="outbox-row"][data-backend-id="${BACKENDS.zkbio}"][data-pin="D1001"]`).getAttribute('data-state')).toBe('done');
    await page.context().close();
  }, 120_000);

  it('Import: department names map to ZKBio’s codes in the dry run, a wrong one is a row problem, and the codes reach ZKBio', async () => {
    const table = join(tempDir(), 'departments.csv');
    writeFileSync(table, ['工号,姓名,部门', 'D2001,张三,土建一班', 'D2002,李四,Electrical', 'D2003,王五,Plumbing'].join('\r\n') + '\r\n');
    const page = await open('import');
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-summary');
    await expect.poll(() => summary.count(), WAIT).toBe(1);
    expect(await summary.getAttribute('data-planned')).toBe('2');
    const wrong = page.locator('[data-testid="import-problem-row"][data-code="department_unknown"]');
    expect(await wrong.count()).toBe(1);
    expect([await wrong.getAttribute('data-row'), await wrong.getAttribute('data-column'), await wrong.getAttribute('data-severity')]).toEqual(['4', 'C', 'error']);
    expect(await wrong.textContent()).toContain('No such department');
    const mapped = await page.getByTestId('import-department-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value'), r.getAttribute('data-code')]));
    expect(mapped).toEqual([['土建一班', '3'], ['Electrical', '4']]);
    await page.screenshot({ path: `${shots}/import-departments.png`, fullPage: true });
    await target(page, 'import', BACKENDS.zkbio).check();
    await page.getByTestId('import-run').click();
    await expect.poll(() => zkbio.state.persons.get('D2001')?.deptCode, WAIT).toBe('3');
    await expect.poll(() => zkbio.state.persons.get('D2002')?.deptCode, WAIT).toBe('4');
    expect(zkbio.state.persons.has('D2003')).toBe(false);
    await page.context().close();
  }, 120_000);

  it('Import: the shipped template (the README’s demo import) goes to ZKBio with its departments as codes', async () => {
    const page = await open('import');
    await page.getByTestId('import-file').setInputFiles(fileURLToPath(new URL('../../../resources/people-template.csv', import.meta.url)));
    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-summary');
    await expect.poll(() => summary.count(), WAIT).toBe(1);
    expect(await summary.getAttribute('data-planned')).toBe('2');
    expect(await page.locator('[data-testid="import-problem-row"][data-severity="error"]').count()).toBe(0);
    await target(page, 'import', BACKENDS.zkbio).check();
    await page.getByTestId('import-run').click();
    await expect.poll(() => [zkbio.state.persons.get('1001')?.deptCode, zkbio.state.persons.get('1002')?.deptCode], WAIT).toEqual(['3', '4']);
    await page.context().close();
  }, 120_000);

  it('Edit: access levels and backends change, and the change reaches the simulators (an unticked backend deletes the person)', async () => {
    await expect.poll(() => zkbio.state.persons.get('E1')?.name, WAIT).toBe('Edit Me');
    const office = zkbio.state.levels.find((l) => l.name === 'Office')?.id ?? '';
    const page = await open('people');
    const row = page.locator('[data-testid="person-row"][data-pin="E1"]');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    await row.getByTestId('person-edit').click();
    const form = page.getByTestId('person-form');
    expect(await target(page, 'edit', BACKENDS.zkbio).isChecked()).toBe(true);
    expect(await target(page, 'edit', BACKENDS.hongtu).isChecked()).toBe(false);
    // A level on ZKBio, the department by name, and Hongtu with its staff pass group.
    await form.locator(`[data-testid="edit-level"][data-backend-id="${BACKENDS.zkbio}"][data-level-id="${office}"]`).check();
    await form.getByTestId('person-department').selectOption({ label: 'Electrical' });
    await target(page, 'edit', BACKENDS.hongtu).check();
    await form.locator(`[data-testid="edit-level"][data-backend-id="${BACKENDS.hongtu}"][data-level-id="${SEED_IDS.staffGroup}"]`).check();
    await page.screenshot({ path: `${shots}/people-edit-targets.png`, fullPage: true });
    await page.getByTestId('person-save').click();
    await expect.poll(() => zkbio.state.persons.get('E1')?.accLevelIds, WAIT).toEqual([office]);
    expect(zkbio.state.persons.get('E1')?.deptCode).toBe('4');
    // The People page names the department (the code is what is stored and sent).
    await expect.poll(() => row.getByTestId('person-department').textContent(), WAIT).toBe('Electrical');
    expect(await row.getByTestId('person-department').getAttribute('data-code')).toBe('4');
    const onHongtu = () => [...hongtu.state.persons.values()].filter((p) => p.code === 'E1');
    await expect.poll(() => onHongtu().map((p) => p.groupList), WAIT).toEqual([[SEED_IDS.staffGroup]]);

    // Edit again: ZKBio unticked — the person is deleted there and stays on Hongtu.
    await expect.poll(() => page.getByTestId('person-form').count(), WAIT).toBe(0);
    await row.getByTestId('person-edit').click();
    expect(await target(page, 'edit', BACKENDS.hongtu).isChecked()).toBe(true);
    await target(page, 'edit', BACKENDS.zkbio).uncheck();
    await page.getByTestId('person-save').click();
    await expect.poll(() => zkbio.state.persons.has('E1'), WAIT).toBe(false);
    expect(onHongtu()).toHaveLength(1);
    await page.context().close();
  }, 120_000);
});
