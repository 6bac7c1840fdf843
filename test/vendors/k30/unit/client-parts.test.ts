import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { monthRanges, pageOf } from '../../../../electron/drivers/k30/client.ts';
import { k30Failure } from '../../../../electron/drivers/k30/errors.ts';

/** The pure parts of the K30 client: record.list's month split, the page reader, `resultcode "0"` read by its msg. */
describe('monthRanges (record.list: 开始日期和结束日期不能跨月)', () => {
  it('one month stays one range', () => {
    expect(monthRanges('2025-06-02', '2025-06-20')).toEqual([{ from: '2025-06-02', to: '2025-06-20' }]);
  });

  it('cuts at month ends, leap February included', () => {
    expect(monthRanges('2024-01-20', '2024-03-05')).toEqual([
      { from: '2024-01-20', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-05' },
    ]);
    expect(monthRanges('2025-02-10', '2025-03-01')).toEqual([
      { from: '2025-02-10', to: '2025-02-28' },
      { from: '2025-03-01', to: '2025-03-01' },
    ]);
  });

  it('crosses a year', () => {
    expect(monthRanges('2024-12-31', '2025-01-01')).toEqual([
      { from: '2024-12-31', to: '2024-12-31' },
      { from: '2025-01-01', to: '2025-01-01' },
    ]);
  });

  it('is empty when the end is before the start', () => {
    expect(monthRanges('2025-06-20', '2025-06-02')).toEqual([]);
    expect(monthRanges('2025-07-01', '2025-06-30')).toEqual([]);
  });

  it('refuses a text that is not a date, as invalid_params', () => {
    for (const bad of ['2025-6-1', '2025-02-30', '2025-13-01', 'yesterday']) {
      expect(() => monthRanges(bad, '2025-06-01')).toThrow(DriverError);
    }
    try {
      monthRanges('2025-02-30', '2025-03-01');
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_params', vendor: 'k30', endpoint: 'record.list' });
    }
  });
});

describe('pageOf', () => {
  it('reads {total, totalPage, data}', () => {
    expect(pageOf({ total: 3, totalPage: 1, data: [{ no: 'a' }] })).toEqual({ items: [{ no: 'a' }], total: 3 });
  });
  it('reads nothing as an empty page', () => {
    expect(pageOf(null)).toEqual({ items: [] });
  });
});

describe('k30Failure (resultcode "0")', () => {
  it('the company number, the sign, the encryption and the clock are bad_credentials', () => {
    for (const msg of ['企业编号错误: companyno不存在', '签名错误', 'data解密失败', 'timestamp超出允许范围(±300000ms), 服务器时间20250602090000000']) {
      const error = k30Failure(msg, 'device.list');
      expect(error).toMatchObject({ code: 'bad_credentials', vendor: 'k30', endpoint: 'device.list', vendorCode: 0, details: { vendorMessage: msg } });
      expect(error.advice?.en).toBeTruthy();
      expect(error.advice?.['zh-CN']).toBeTruthy();
    }
    expect(k30Failure('timestamp超出允许范围', 'device.list').advice?.en).toMatch(/clock/);
    expect(k30Failure('签名错误', 'device.list').advice?.['zh-CN']).toMatch(/企业编号/);
  });

  it('a known refusal is vendor_error with what to do, in both languages, quoting the server', () => {
    const offline = k30Failure('操作失败: 设备离线(deviceno: 240601080003C)', 'device.openDoor');
    expect(offline.code).toBe('vendor_error');
    expect(offline.advice?.en).toMatch(/offline/);
    expect(offline.advice?.['zh-CN']).toMatch(/离线.*设备离线\(deviceno/);
    expect(k30Failure('失败: 工号已存在(jobnumber: A0001)', 'people.create').advice?.en).toMatch(/already has/);
    expect(k30Failure('获取列表失败: 开始日期和结束日期不能跨月', 'record.list').advice?.en).toMatch(/same month/);
  });

  it('a bare failure word (the document has no catalogue) still says what happened, in both languages', () => {
    const error = k30Failure('失败', 'people.update');
    expect(error).toMatchObject({ code: 'vendor_error', details: { vendorMessage: '失败' } });
    expect(error.advice?.en).toMatch(/K30 refused the request: 失败/);
    expect(error.advice?.['zh-CN']).toMatch(/K30 拒绝了请求：失败/);
    expect(k30Failure(null, 'people.update').details?.['vendorMessage']).toBe('失败');
  });
});
