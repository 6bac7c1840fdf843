import { describe, expect, it } from 'vitest';
import { hongtuFailure } from '../../../electron/drivers/hongtu/errors.ts';
import { vendorFailure, type FailureCodes } from '../../../electron/drivers/vendor-failure.ts';
import { zkbioFailure } from '../../../electron/drivers/zkbio/errors.ts';

const codes: FailureCodes = {
  vendor: 'acme',
  product: 'Acme',
  documentText: (code) => (code === 7 ? 'Seven' : undefined),
  advice: (code) => (code === 7 ? { en: 'Do seven.', 'zh-CN': '七。' } : undefined),
  unknownAdvice: (code, text) => ({ en: `Acme said ${code}: ${text}.`, 'zh-CN': `Acme ${code}：${text}。` }),
  errorCode: (code) => (code === 9 ? 'bad_credentials' : 'vendor_error'),
};

describe('the vendor-code → typed-error skeleton', () => {
  it('builds the DriverError from the table: text, advice, vendor code, status', () => {
    const known = vendorFailure(codes, 7, null, 'thing.get', 200);
    expect(known).toMatchObject({ code: 'vendor_error', vendor: 'acme', endpoint: 'thing.get', vendorCode: 7, status: 200, advice: { en: 'Do seven.' }, details: { vendorMessage: 'Seven' } });
    expect(known.message).toBe('Acme thing.get: Seven (code 7)');
    const unknown = vendorFailure(codes, 8, 'odd', 'thing.get');
    expect(unknown.advice).toEqual({ en: 'Acme said 8: odd.', 'zh-CN': 'Acme 8：odd。' });
    expect(vendorFailure(codes, 9, 'no', 'thing.get').code).toBe('bad_credentials');
  });

  it('is what both vendors’ failures are made of', () => {
    expect(zkbioFailure(-22, null, 'person.get.v2')).toMatchObject({ code: 'vendor_error', vendor: 'zkbio', vendorCode: -22, message: 'ZKBio person.get.v2: The person does not exist (code -22)' });
    expect(zkbioFailure(-9999, 'odd', 'x').advice?.['zh-CN']).toBe('ZKBio 返回代码 -9999：odd。');
    expect(hongtuFailure(100008, '签名错误', 'door.list')).toMatchObject({ code: 'bad_credentials', vendor: 'hongtu', vendorCode: 100008 });
    expect(hongtuFailure(123456, null, 'x').advice?.['zh-CN']).toBe('鸿图返回错误码 123456：code 123456。');
  });
});
