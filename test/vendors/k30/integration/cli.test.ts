import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptData } from '../../../../electron/drivers/k30/sign.ts';
import { runCliProcess } from '../../../support/cli.ts';
import { startJsonLineProcess } from '../../../support/json-line-process.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { openCallback, startCallbackReceiver } from './callback-receiver.ts';
import type { CallbackReceiver } from './callback-receiver.ts';
import { callK30 } from './k30-http.ts';

/**
 * K30 from the CLI as a process (issue 14 item 7): `sign k30` against the document's 1.1 example
 * (seed 000; k30.md §2.4, vector V1), and `sim k30` passing the simulator's callback and fault
 * options through (test/simulators/k30/cli.ts).
 */
const CLI = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
const EXAMPLE_SECRET = 'ae5a94eb3dbe9baf';
const EXAMPLE_SIGN = '7e951684b52a8a1c4a31b9170dc5d76d';

interface Signed {
  stringToSign: string;
  sign: string;
  data: string | null;
  envelope: Record<string, string>;
}

function signK30(fields: string, secret: string, ...more: string[]) {
  return runCliProcess(['sign', 'k30', '--fields', fields, '--secret', secret, ...more]);
}

describe('sign k30', () => {
  it('signs the document’s 1.1 example, deviceno and all, to 7e951684…, and encrypts its data', () => {
    const fields = JSON.stringify({ timestamp: '20200604140653904', deviceno: EXAMPLE_SECRET, data: { code: '569531' } });
    const run = signK30(fields, EXAMPLE_SECRET, '--json');
    expect(run.code, run.stderr).toBe(0);
    const signed = JSON.parse(run.stdout) as Signed;
    expect(signed.stringToSign).toBe('data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf');
    expect(signed.sign).toBe(EXAMPLE_SIGN);
    expect(signed.data).toMatch(/^(?:[A-Za-z0-9]|%2b|%2f|%3d)+$/);
    expect(decryptData(signed.data ?? '', EXAMPLE_SECRET)).toBe('{"code":"569531"}');
    expect(signed.envelope).toEqual({ timestamp: '20200604140653904', deviceno: EXAMPLE_SECRET, data: signed.data, sign: EXAMPLE_SIGN });
  });

  it('takes data as the exact JSON text too, and prints the three lines without --json', () => {
    const fields = JSON.stringify({ deviceno: EXAMPLE_SECRET, timestamp: '20200604140653904', data: '{"code":"569531"}', sign: 'ignored' });
    const run = signK30(fields, EXAMPLE_SECRET);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('stringToSign: data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf');
    expect(run.stdout).toContain(`sign:         ${EXAMPLE_SIGN}`);
    expect(run.stdout).toMatch(/^data: {9}\S+%3d$/m);
  });

  it('refuses a company number that is not 16 bytes with the driver’s advice in the user’s language, as an input error', () => {
    const fields = JSON.stringify({ timestamp: '20200604140653904', data: { code: '569531' } });
    const en = signK30(fields, '8aec14f45612458f9685172ade12a7d6');
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('--secret: The company number is 32 bytes long, but K30 uses it as a 16-byte AES-128 key');
    const zh = signK30(fields, '12345', '--lang', 'zh-CN');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('企业编号长度为 5 字节，但 K30 将其用作 16 字节的 AES-128 密钥');
    expect(zh.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    // Another input error exits alike.
    expect(runCliProcess(['sign', 'k30', '--secret', EXAMPLE_SECRET]).code).toBe(2);
  });

  it('refuses fields it cannot sign, saying which, in both languages', () => {
    expect(signK30('{"data":', EXAMPLE_SECRET).stderr).toContain('--fields is not valid JSON');
    expect(signK30('[1]', EXAMPLE_SECRET).stderr).toContain('--fields must be a JSON object');
    const notJson = signK30('{"data":"code=569531"}', EXAMPLE_SECRET, '--lang', 'zh-CN');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('data 须为加密前的明文 JSON');
    const nested = signK30('{"deviceno":{"a":1}}', EXAMPLE_SECRET);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('"deviceno" must be text or a number');
  });

  it('is in --help, and an unknown vendor names both', () => {
    expect(runCliProcess(['--help']).stdout).toMatch(/k30 --fields <json[^\n]*--secret <companyno>/);
    expect(runCliProcess(['sign', 'zkbio']).stderr).toContain('<vendor> (hongtu, k30, zhejiang)');
  });
});

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a callback');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('sim k30', () => {
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('passes --callback-url and --callback-form to the simulator: a remote open reaches the URL with integer fields', async () => {
    const sim = await startJsonLineProcess<{ url: string; companyNo: string; callbackUrl?: string }>(CLI, ['sim', 'k30', '--port', '0', '--callback-url', receiver.url, '--callback-form', 'integers']);
    try {
      expect(sim.info.callbackUrl).toBe(receiver.url);
      const opened = await callK30(sim.info.url, '/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn }, { companyNo: sim.info.companyNo });
      expect(opened.envelope.resultcode).toBe('1');
      await until(() => receiver.received.length > 0);
      const callback = openCallback(receiver.received[0]?.raw ?? '', sim.info.companyNo);
      expect(callback).toMatchObject({ method: 'UploadRecord', signed: true, payload: { deviceNo: SEED_IDS.gateIn, recogMode: 11, outinType: 1 } });
    } finally {
      await sim.stop();
    }
  });

  it('passes --company-mismatch own-number: a caller with another company number is refused in the simulator’s own number', async () => {
    const own = '1762766749844336';
    const sim = await startJsonLineProcess<{ url: string; companyNo: string }>(CLI, ['sim', 'k30', '--port', '0', '--company', own, '--company-mismatch', 'own-number']);
    try {
      const reply = await callK30(sim.info.url, '/openapi/Device/GetList', { pageindex: 1, pagesize: 20 }, { companyNo: '1762766749844335' });
      expect(reply).toMatchObject({ signed: false, envelope: { resultcode: '0', companyno: own } });
    } finally {
      await sim.stop();
    }
  });

  it('refuses a bad --callback-form from the simulator, not as an unknown option', () => {
    const run = runCliProcess(['sim', 'k30', '--port', '0', '--callback-form', 'maybe']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--callback-form');
    expect(run.stderr).not.toContain('Unknown option');
  });
});
