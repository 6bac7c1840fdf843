import { describe, expect, it } from 'vitest';
import { columnLetter, fieldOfHeader, mapColumns, NO_FACE_HEADERS } from '../../../electron/import/columns.ts';

describe('header recognition', () => {
  it.each([
    ['工号', 'pin'],
    ['人员编号', 'pin'],
    ['Personnel number', 'pin'],
    ['PIN', 'pin'],
    ['姓名/Name', 'name'],
    ['姓名 Name', 'name'],
    ['身份证号', 'idNumber'],
    ['ID Number', 'idNumber'],
    ['手机', 'phone'],
    ['性别(男/女)', 'gender'],
    ['部门', 'department'],
    ['卡号', 'cardNo'],
    ['有效期开始', 'validFrom'],
    ['valid_from', 'validFrom'],
    ['有效期结束/Valid to', 'validTo'],
    ['照片', 'photo'],
  ] as const)('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('reports unknown and repeated columns once, skipping empty headers', () => {
    const map = mapColumns(['工号', '姓名', '', '备注', 'Name']);
    expect(map.fields.pin).toEqual({ index: 0, letter: 'A', header: '工号' });
    expect(map.unknown).toEqual([{ index: 3, letter: 'D', header: '备注' }]);
    expect(map.repeated).toEqual([{ index: 4, letter: 'E', header: 'Name', field: 'name' }]);
  });

  it("skips an export's no-face columns silently: never a photo column, never an unknown one", () => {
    const map = mapColumns(['工号', '姓名', NO_FACE_HEADERS.noFace, NO_FACE_HEADERS.reason]);
    expect(map.fields.photo).toBeUndefined();
    expect(map.unknown).toEqual([]);
    expect(map.repeated).toEqual([]);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
