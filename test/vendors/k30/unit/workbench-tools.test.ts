import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../../electron/api/dispatcher.ts';
import { decryptData, encryptData, explainEnvelope, sign, signFields } from '../../../../electron/drivers/k30/sign.ts';
import { silentLogger } from '../../../../electron/log/logger.ts';
import { toolsHandlers } from '../../../../electron/tools/tools-handlers.ts';

/**
 * The Signature workbench's K30 tab in the core (`tools.signK30`, `tools.openK30`; issue 14 item 7):
 * the same functions as the CLI's `sign k30`, checked against the document's own vectors (seed 000
 * 1.1, the visitor examples; k30.md V1–V3, §3.5) through the contract's schemas.
 */
const dispatch = createDispatcher(toolsHandlers() as Handlers, silentLogger());
const COMPANY = '1762766749844335';
const V1_SECRET = 'ae5a94eb3dbe9baf';

async function ok(method: string, input: unknown): Promise<unknown> {
  const reply = await dispatch(method, input);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.output;
}

describe('tools.signK30', () => {
  it('signs the document’s 1.1 example, deviceno and all, to 7e951684… and encrypts its data', async () => {
    const signed = (await ok('tools.signK30', { fields: { timestamp: '20200604140653904', deviceno: V1_SECRET }, data: '{"code":"569531"}', secret: V1_SECRET })) as {
      stringToSign: string;
      sign: string;
      data: string;
      envelope: Record<string, string>;
    };
    expect(signed.stringToSign).toBe('data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf');
    expect(signed.sign).toBe('7e951684b52a8a1c4a31b9170dc5d76d');
    expect(decryptData(signed.data, V1_SECRET)).toBe('{"code":"569531"}');
    expect(signed.envelope).toEqual({ timestamp: '20200604140653904', deviceno: V1_SECRET, data: signed.data, sign: signed.sign });
  });

  it('gives the §3.6 request: the visitor.create example’s ciphertext, percent-encoded as sent', async () => {
    const signed = await ok('tools.signK30', { fields: { companyno: COMPANY, timestamp: '20251127145555976' }, data: '{"no":"1763630523605347"}', secret: COMPANY });
    expect(signed).toMatchObject({ sign: 'd3f989a253ebbf07dab27478a1365c24', data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d' });
    // The same function as `sign k30`.
    expect(signed).toEqual(signFields({ companyno: COMPANY, timestamp: '20251127145555976', data: '{"no":"1763630523605347"}' }, COMPANY));
  });

  it('refuses what it cannot sign, by field: data that is not JSON, a company number of another length, sign or data among the fields', async () => {
    const refused = async (input: unknown) => {
      const reply = await dispatch('tools.signK30', input);
      expect(reply.ok).toBe(false);
      return reply.ok ? [] : ((reply.error.details?.['issues'] ?? []) as { path: string[]; message: string }[]).map((i) => [i.path.join('.'), i.message]);
    };
    expect(await refused({ fields: {}, data: 'code=569531', secret: COMPANY })).toEqual([['data', 'k30_data_not_json']]);
    expect(await refused({ fields: {}, data: '', secret: '8aec14f45612458f9685172ade12a7d6' })).toEqual([['secret', 'company_no_format']]);
    expect(await refused({ fields: { sign: 'x' }, data: '', secret: COMPANY })).toEqual([['fields', 'k30_field_name']]);
    expect(await refused({ fields: { 'a b': 'x' }, data: '', secret: COMPANY })).toEqual([['fields', 'k30_field_name']]);
  });
});

describe('tools.openK30', () => {
  it('opens the visitor.create reply (§3.5): the plaintext, and its sign verified with empty values dropped (V2)', async () => {
    const reply = { resultcode: '1', companyno: COMPANY, timestamp: '20251120172204574', data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d', msg: '新增访客成功', sign: 'e2b2f82eaa47c00edbf34b7691d8b678' };
    const opened = await ok('tools.openK30', { envelope: JSON.stringify(reply), secret: COMPANY });
    expect(opened).toMatchObject({ opened: true, json: '{"no":"1763630523605347"}', plaintext: false, received: 'e2b2f82eaa47c00edbf34b7691d8b678', verdict: 'empty-dropped' });
    expect((opened as { variants: unknown[] }).variants).toEqual([
      {
        variant: 'empty-dropped',
        stringToSign: `companyno=${COMPANY}&data={"no":"1763630523605347"}&msg=新增访客成功&resultcode=1&timestamp=20251120172204574&key=${COMPANY}`,
        sign: 'e2b2f82eaa47c00edbf34b7691d8b678',
        matches: true,
      },
      expect.objectContaining({ variant: 'empty-kept', matches: true }),
    ]);
  });

  it('verifies the visitor.sync reply only with the empty data kept (V3, E7), and tells a placeholder sign (E8)', async () => {
    const reply = { resultcode: '1', companyno: COMPANY, timestamp: '20251127145555976', data: '', msg: '下发成功', sign: 'b4d352c59a0953458bdadc24cfa5f9aa' };
    const opened = (await ok('tools.openK30', { envelope: JSON.stringify(reply), secret: COMPANY })) as { verdict: string; variants: { variant: string; matches: boolean; stringToSign: string }[] };
    expect(opened.verdict).toBe('empty-kept');
    expect(opened.variants.map((v) => [v.variant, v.matches])).toEqual([
      ['empty-dropped', false],
      ['empty-kept', true],
    ]);
    expect(opened.variants[1]?.stringToSign).toBe(`companyno=${COMPANY}&data=&msg=下发成功&resultcode=1&timestamp=20251127145555976&key=${COMPANY}`);
    const deleted = await ok('tools.openK30', { envelope: JSON.stringify({ ...reply, msg: '删除成功' }), secret: COMPANY });
    expect(deleted).toMatchObject({ opened: true, verdict: 'mismatch' });
    const unsigned = await ok('tools.openK30', { envelope: JSON.stringify({ resultcode: '1', msg: 'ok', companyno: COMPANY }), secret: COMPANY });
    expect(unsigned).toMatchObject({ opened: true, received: null, verdict: 'missing' });
  });

  it('opens a callback signed over method, companyno, timestamp and the plaintext data', () => {
    const json = '{"no":"123456789","deviceno":"22012521131C","resultcode":"1","msg":"上报成功"}';
    const callback = { method: 'authstatus', companyno: COMPANY, timestamp: '20250514151647740', data: encryptData(json, COMPANY) };
    const explained = explainEnvelope({ ...callback, sign: sign({ ...callback, data: json }, COMPANY) }, COMPANY);
    expect(explained).toMatchObject({ opened: true, json, verdict: 'empty-dropped' });
  });

  it('says why data does not open, with the driver’s advice in both languages, and refuses text that is no envelope', async () => {
    const wrongKey = await ok('tools.openK30', { envelope: JSON.stringify({ resultcode: '1', companyno: COMPANY, data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d' }), secret: '1762766749844336' });
    expect(wrongKey).toMatchObject({ opened: false, reason: 'undecryptable', advice: { en: expect.stringContaining('company number is most likely wrong'), 'zh-CN': expect.stringContaining('企业编号很可能不正确') } });
    expect(await ok('tools.openK30', { envelope: '{"data":"a+b"}', secret: COMPANY })).toMatchObject({ opened: false, reason: 'not-encoded' });
    const notJson = await dispatch('tools.openK30', { envelope: '<html>login</html>', secret: COMPANY });
    expect(notJson.ok ? null : notJson.error.details?.['issues']).toEqual([expect.objectContaining({ path: ['envelope'], message: 'k30_envelope_format' })]);
  });
});
