import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { selfSignedCertificate, type SelfSigned } from '../../support/tls-cert.ts';
import { addBackend, createSite, shots, startApp, testConnection, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-tls-token';

describe('Connection verdicts for HTTPS and unreachable servers', () => {
  let cert: SelfSigned;
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    cert = selfSignedCertificate();
    zkbio = await startZkbioSimulator({ host: '127.0.0.1', token: TOKEN, tls: { key: cert.key, cert: cert.cert } });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  it('shows a self-signed certificate’s fingerprint, pins it, and then connects', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Secure site');
    await addBackend(page, { vendor: 'zkbio', name: 'HTTPS ZKBio', url: zkbio.url, token: TOKEN });
    const verdict = await testConnection(page);
    expect(await verdict.getAttribute('data-verdict')).toBe('tls');
    expect(await verdict.locator('[data-fact="certificateSha256"] dd').textContent()).toBe(cert.fingerprint256);
    await page.screenshot({ path: `${shots}/backends-tls-en.png` });

    await page.getByTestId('verdict-pin').click();
    await expect.poll(() => page.getByTestId('backend-view').textContent()).toContain('Pin one certificate');
    await page.getByTestId('backend-test').click();
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('ok');
    await context.close();
  });

  it('says a closed port is unreachable, with the next step, and the spinner ends', async () => {
    const { context, page } = await app.open('backends');
    // Port 9 (discard) on a loopback address where nothing listens: refused at once.
    await addBackend(page, { vendor: 'zkbio', name: 'Nobody home', url: 'http://127.0.0.2:9', token: TOKEN });
    const verdict = await testConnection(page);
    expect(await verdict.getAttribute('data-verdict')).toBe('unreachable');
    expect(await page.getByTestId('verdict-advice').textContent()).toContain('port');
    expect(await page.getByTestId('verdict-testing').count()).toBe(0);
    expect(await page.getByTestId('backend-test').isEnabled()).toBe(true);
    await context.close();
  });
});
