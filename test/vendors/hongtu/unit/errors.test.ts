import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import {
  HONGTU_CLOCK_SKEW_ADVICE,
  HONGTU_ERROR_CODES,
  HONGTU_ERROR_ROWS,
  HONGTU_CREDENTIALS_ADVICE,
  hongtuAdvice,
  hongtuFailure,
  isFaceQualityCode,
  isHongtuSuccess,
} from '../../../../electron/drivers/hongtu/errors.ts';
import { DOCUMENT_ERROR_ROWS } from './errors.fixture.ts';

describe('Hongtu error codes', () => {
  it('has every row of the document’s tables, in order, with the document’s text, module and remark', () => {
    expect(HONGTU_ERROR_ROWS).toHaveLength(DOCUMENT_ERROR_ROWS.length);
    expect(HONGTU_ERROR_ROWS.map((r) => [r.code, r.module, r.documentText, r.remark ?? ''])).toEqual(DOCUMENT_ERROR_ROWS);
    expect(HONGTU_ERROR_CODES.size).toBe(new Set(DOCUMENT_ERROR_ROWS.map(([code]) => code)).size);
  });

  it('counts the codes per module as the document prints them', () => {
    const perModule = (rows: readonly (readonly [number, string, ...unknown[]])[]) =>
      Object.fromEntries(['public', 'pass', 'attendance', 'passRecord', 'event', 'person'].map((m) => [m, rows.filter((r) => r[1] === m).length]));
    expect(perModule(HONGTU_ERROR_ROWS.map((r) => [r.code, r.module]))).toEqual({ public: 10, pass: 16, attendance: 45, passRecord: 2, event: 16, person: 50 });
    expect(perModule(DOCUMENT_ERROR_ROWS)).toEqual(perModule(HONGTU_ERROR_ROWS.map((r) => [r.code, r.module])));
  });

  it('gives every code non-empty advice in English and Chinese', () => {
    for (const row of HONGTU_ERROR_ROWS) {
      expect(row.advice.en.trim(), String(row.code)).not.toBe('');
      expect(row.advice['zh-CN'].trim(), String(row.code)).not.toBe('');
      expect(row.advice['zh-CN'], String(row.code)).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const info of HONGTU_ERROR_CODES.values()) {
      expect(info.advice.en).not.toBe('');
      expect(info.advice['zh-CN']).not.toBe('');
    }
  });

  it('keeps both texts of 103011 and picks the advice by the message', () => {
    const info = HONGTU_ERROR_CODES.get(103011);
    expect(info?.documentTexts).toEqual(['绑定失败,设备已绑定', '导出文件异常']);
    expect(info?.advice.en).toContain('导出文件异常');
    expect(hongtuAdvice(103011, '导出文件异常')?.en).toMatch(/export/i);
    expect(hongtuAdvice(103011, '绑定失败,设备已绑定')?.en).toMatch(/bound/);
    expect(HONGTU_ERROR_CODES.get(103012)?.documentTexts).toEqual(['设备不存在']);
  });

  it('matches %s texts of the event table', () => {
    expect(hongtuAdvice(106003, '事件记录abc不存在')).toBe(HONGTU_ERROR_CODES.get(106003)?.advice);
    expect(HONGTU_ERROR_CODES.get(106005)?.remark).toBe('已经废弃');
  });

  it('treats 100008 as a signature failure with keys, body and clock advice', () => {
    const error = hongtuFailure(100008, '签名错误', 'person.list');
    expect(error).toBeInstanceOf(DriverError);
    expect(error.code).toBe('bad_credentials');
    expect(error.vendor).toBe('hongtu');
    expect(error.vendorCode).toBe(100008);
    expect(error.advice).toBe(HONGTU_CREDENTIALS_ADVICE);
    expect(HONGTU_CREDENTIALS_ADVICE.en).toMatch(/secretKey/);
    expect(HONGTU_CREDENTIALS_ADVICE.en).toMatch(/clock/);
    expect(HONGTU_CREDENTIALS_ADVICE.en).toMatch(/NTP/);
    expect(HONGTU_CREDENTIALS_ADVICE['zh-CN']).toMatch(/时钟/);
    expect(HONGTU_CLOCK_SKEW_ADVICE.en).toMatch(/millisecond/);
    expect(HONGTU_CLOCK_SKEW_ADVICE['zh-CN']).toMatch(/NTP/);
  });

  it('marks the face codes for re-capture', () => {
    for (const code of [121031, 121032, 121033, 121034, 121043]) {
      expect(isFaceQualityCode(code)).toBe(true);
      expect(HONGTU_ERROR_CODES.get(code)?.advice.en).toMatch(/Capture again/);
    }
    expect(isFaceQualityCode(121035)).toBe(false);
    expect(isFaceQualityCode(100008)).toBe(false);
  });

  it('turns a known code into vendor_error with its advice and the server message', () => {
    const error = hongtuFailure(121034, '添加人员底库失败，人脸质量过低', 'person.batchAdd');
    expect(error.code).toBe('vendor_error');
    expect(error.endpoint).toBe('person.batchAdd');
    expect(error.advice).toBe(HONGTU_ERROR_CODES.get(121034)?.advice);
    expect(error.details).toEqual({ vendorMessage: '添加人员底库失败，人脸质量过低' });
    expect(hongtuFailure(103013, null, 'door.list').details).toEqual({ vendorMessage: '区域不存在' });
    expect(isHongtuSuccess(0)).toBe(true);
  });

  it('turns an unknown code into vendor_error with the message as advice', () => {
    const error = hongtuFailure(777777, '未知错误 xyz', 'device.list');
    expect(error.code).toBe('vendor_error');
    expect(error.vendorCode).toBe(777777);
    expect(error.advice?.en).toContain('未知错误 xyz');
    expect(error.advice?.['zh-CN']).toContain('未知错误 xyz');
    expect(error.message).toContain('777777');
    expect(hongtuFailure(777777, undefined, 'device.list').advice?.en).toContain('code 777777');
  });
});
