import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/**
 * The Signature workbench's K30 tab in Chromium (issue 14 item 7): the document's 1.1 example signs
 * to its printed sign (V1), and the §3.5 ciphertext of the visitor.create reply opens to its plaintext
 * with the sign verified; a wrong company number says what to do, in English and Chinese.
 */
describe('Signature workbench: the K30 tab', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('signs the document’s 1.1 example to 7e951684… and shows data encrypted as sent', async () => {
    const { context, page } = await app.open('workbench');
    await page.getByTestId('workbench-tab-k30').click();
    await page.getByTestId('k30wb-example').click();
    await page.getByTestId('k30wb-sign').click();
    await expect.poll(() => page.getByTestId('k30wb-result-sign').textContent(), WAIT).toBe('7e951684b52a8a1c4a31b9170dc5d76d');
    expect(await page.getByTestId('k30wb-stringToSign').textContent()).toBe('data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf');
    expect(await page.getByTestId('k30wb-result-data').textContent()).toMatch(/^(?:[A-Za-z0-9]|%2b|%2f|%3d)+$/);
    expect(await page.getByTestId('k30wb-result').textContent()).toContain('Matches the document’s example.');
    await page.screenshot({ path: `${shots}/workbench-k30-sign.png`, fullPage: true });

    // data that is not JSON is refused at the field, before any call; an edit drops the old result.
    await page.getByTestId('k30wb-data').fill('code=569531');
    expect(await page.getByTestId('k30wb-result').count()).toBe(0);
    await expect.poll(() => page.getByTestId('k30wb-sign-form').textContent(), WAIT).toContain('data must be the plaintext JSON');
    await context.close();
  });

  it('opens the §3.5 ciphertext to its plaintext and verifies the reply’s sign; a wrong company number says so', async () => {
    const { context, page } = await app.open('workbench');
    await page.getByTestId('workbench-tab-k30').click();
    await page.getByTestId('k30wb-direction-open').check();
    await page.getByTestId('k30wb-open-example').click();
    await page.getByTestId('k30wb-open').click();
    await expect.poll(() => page.getByTestId('k30wb-plaintext').textContent(), WAIT).toBe('{"no":"1763630523605347"}');
    expect(await page.getByTestId('k30wb-verdict').getAttribute('data-verdict')).toBe('empty-dropped');
    expect(await page.getByTestId('k30wb-variant-empty-dropped').getAttribute('data-matches')).toBe('true');
    expect(await page.getByTestId('k30wb-empty-dropped-stringToSign').textContent()).toBe(
      'companyno=1762766749844335&data={"no":"1763630523605347"}&msg=新增访客成功&resultcode=1&timestamp=20251120172204574&key=1762766749844335',
    );
    await page.getByTestId('k30wb-open-result').screenshot({ path: `${shots}/workbench-k30-open.png` });

    await page.getByTestId('k30wb-open-secret').fill('1762766749844336');
    await page.getByTestId('k30wb-open').click();
    await expect.poll(() => page.getByTestId('k30wb-not-opened').textContent(), WAIT).toContain('company number is most likely wrong');
    await context.close();
  });

  it('speaks Chinese: the V3 reply verifies only with empty values kept', async () => {
    const { context, page } = await app.open('workbench', 'zh-CN');
    await page.getByTestId('workbench-tab-k30').click();
    await page.getByTestId('k30wb-direction-open').check();
    const v3 = { resultcode: '1', msg: '下发成功', companyno: '1762766749844335', timestamp: '20251127145555976', sign: 'b4d352c59a0953458bdadc24cfa5f9aa', data: '' };
    await page.getByTestId('k30wb-envelope').fill(JSON.stringify(v3));
    await page.getByTestId('k30wb-open').click();
    await expect.poll(() => page.getByTestId('k30wb-verdict').getAttribute('data-verdict'), WAIT).toBe('empty-kept');
    expect(await page.getByTestId('k30wb-verdict').textContent()).toContain('保留空值时签名验证通过');
    expect(await page.getByTestId('k30wb-variant-empty-dropped').getAttribute('data-matches')).toBe('false');
    await page.screenshot({ path: `${shots}/workbench-k30-zh.png`, fullPage: true });
    await page.getByTestId('k30wb-envelope').fill('<html>登录</html>');
    await expect.poll(() => page.getByTestId('k30wb-open-form').textContent(), WAIT).toContain('请粘贴 JSON 对象形式的报文');
    await context.close();
  });
});
