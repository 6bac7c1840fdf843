import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

describe('Signature workbench over the WebSocket transport', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('reproduces the Hongtu document’s own example csign', async () => {
    const { context, page } = await app.open('workbench');
    await page.getByTestId('workbench-example').click();
    await page.getByTestId('workbench-sign').click();
    await expect.poll(() => page.getByTestId('workbench-csign').textContent()).toBe('52141def7a1e346ceee2f22c43d5fb97');
    expect(await page.getByTestId('workbench-requestBodyMD5').textContent()).toBe('675c299bcd88edf31c09c48f9c7fba4b');
    expect(await page.getByTestId('workbench-stringToSign').textContent()).toBe(
      '/v1/api/person/list-POST--675c299bcd88edf31c09c48f9c7fba4b-sdfajk3242324fa!djq7-1627300328673-1234344-appkey1',
    );
    await page.getByTestId('workbench-result').screenshot({ path: `${shots}/workbench-en.png` });

    // Any change makes the old result stale: it goes until signed again.
    await page.getByTestId('workbench-now').click();
    expect(await page.getByTestId('workbench-result').count()).toBe(0);
    await page.getByTestId('workbench-sign').click();
    await expect.poll(() => page.getByTestId('workbench-csign').textContent()).not.toBe('52141def7a1e346ceee2f22c43d5fb97');
    await context.close();
  });

  it('checks the fields as the user types, in Chinese too', async () => {
    const { context, page } = await app.open('workbench', 'zh-CN');
    await page.getByTestId('workbench-uri').fill('v1/api');
    await expect.poll(() => page.locator('.sign-form').textContent()).toContain('URI 以 / 开头');
    await page.getByTestId('workbench-body-md5').check();
    await page.getByTestId('workbench-sign').click();
    expect(await page.locator('.sign-form').textContent()).toContain('请输入鸿图分配的 secretKey。');
    expect(await page.locator('.sign-form').textContent()).toContain('MD5 为 32 位');
    await page.screenshot({ path: `${shots}/workbench-zh.png` });
    await context.close();
  });
});
