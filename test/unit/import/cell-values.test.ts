import { describe, expect, it } from 'vitest';
import { cellText, parseGender, parseValidityCell } from '../../../electron/import/cell-values.ts';
import { decodeCsvBytes, parseCsv } from '../../../electron/import/read-table.ts';

const parseValidity = (cell: Parameters<typeof parseValidityCell>[0], bound: 'from' | 'to') => {
  const result = parseValidityCell(cell, bound);
  return result.ok ? result.value : null;
};

describe('validity dates', () => {
  it('takes date-times, bare dates (start / end of day) and Excel dates', () => {
    expect(parseValidity('2026-05-01 08:30:00', 'from')).toBe('2026-05-01 08:30:00');
    expect(parseValidity('2026-05-01', 'from')).toBe('2026-05-01 00:00:00');
    expect(parseValidity('2026-05-01', 'to')).toBe('2026-05-01 23:59:59');
    expect(parseValidity('2026/5/1', 'to')).toBe('2026-05-01 23:59:59');
    expect(parseValidity(new Date(Date.UTC(2026, 4, 1, 12, 0, 0)), 'to')).toBe('2026-05-01 12:00:00');
    expect(parseValidity(new Date(Date.UTC(2026, 4, 1)), 'to')).toBe('2026-05-01 23:59:59');
    // Excel serial 46143 is 2026-05-01; .5 is noon.
    expect(parseValidity(46_143, 'from')).toBe('2026-05-01 00:00:00');
    expect(parseValidity(46_143.5, 'from')).toBe('2026-05-01 12:00:00');
  });

  it('refuses what is no real date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-05-01 24:00:00', 'tomorrow', '01/05/2026']) expect(parseValidity(bad, 'from')).toBeNull();
    expect(parseValidity(-3, 'from')).toBeNull();
    expect(parseValidity(true, 'from')).toBeNull();
  });

  it('says which: a date that does not exist, a time that does not exist, or no date at all', () => {
    expect(parseValidityCell('2026-02-30', 'from')).toEqual({ ok: false, problem: 'no_such_date' });
    expect(parseValidityCell('2026-13-01', 'to')).toEqual({ ok: false, problem: 'no_such_date' });
    expect(parseValidityCell('2026-05-01 24:00:00', 'from')).toEqual({ ok: false, problem: 'no_such_time' });
    expect(parseValidityCell('tomorrow', 'from')).toEqual({ ok: false, problem: 'datetime_format' });
  });
});

describe('cells and genders', () => {
  it('writes integers without exponent or decimals', () => {
    expect(cellText(12345678)).toBe('12345678');
    expect(cellText('  a ')).toBe('a');
    expect(cellText('   ')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
  });

  it('reads 男/女/M/F/male/female', () => {
    expect(['男', 'M', 'male', 'Male', '女', 'f', 'FEMALE', '未知'].map(parseGender)).toEqual(['M', 'M', 'M', 'M', 'F', 'F', 'F', null]);
  });
});

describe('CSV text', () => {
  it('strips a UTF-8 BOM, and falls back to GB18030 for bytes that are not UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFF工号', 'utf8'))).toBe('工号');
    expect(decodeCsvBytes(Buffer.from([0xb9, 0xa4, 0xba, 0xc5]))).toBe('工号');
  });

  it('numbers rows as the spreadsheet does, skipping blank ones, and keeps quoted line breaks', () => {
    const table = parseCsv('\n工号,姓名\nA1,"Ann\nB"\n\nA2,Bob\n');
    expect(table.headerRow).toBe(2);
    expect(table.rows).toEqual([
      { row: 3, cells: ['A1', 'Ann\nB'] },
      { row: 5, cells: ['A2', 'Bob'] },
    ]);
  });
});
