import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJsonLineProcess } from '../../../support/json-line-process.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { openCallback, startCallbackReceiver } from './callback-receiver.ts';
import type { CallbackReceiver } from './callback-receiver.ts';
import { callK30 } from './k30-http.ts';

/**
 * The simulator's own command line with `--callback-url` (test/simulators/k30/main.ts, as tests and
 * benchmarks start it): the URL is printed, and a remote open reaches it as UploadRecord.
 */
const MAIN = fileURLToPath(new URL('../../../simulators/k30/main.ts', import.meta.url));

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a callback');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('K30 simulator process with a callback URL', () => {
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('runs with --callback-url --callback-form integers and posts a remote open to it', async () => {
    const run = await startJsonLineProcess<{ url: string; companyNo: string; callbackUrl?: string }>(MAIN, ['--port', '0', '--callback-url', receiver.url, '--callback-form', 'integers']);
    try {
      expect(run.info.callbackUrl).toBe(receiver.url);
      const opened = await callK30(run.info.url, '/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn }, { companyNo: run.info.companyNo });
      expect(opened.envelope.resultcode).toBe('1');
      await until(() => receiver.received.length > 0);
      const [entry] = receiver.received;
      expect(entry).toMatchObject({ method: 'POST', contentType: 'application/json;charset=UTF-8' });
      const callback = openCallback(entry?.raw ?? '', run.info.companyNo);
      expect(callback).toMatchObject({ method: 'UploadRecord', signed: true, payload: { deviceNo: SEED_IDS.gateIn, recogMode: 11, outinType: 1, exceptionMode: 1 } });
    } finally {
      await run.stop();
    }
  });
});
