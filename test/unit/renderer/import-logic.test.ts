import { describe, expect, it } from 'vitest';
import {
  backendNames,
  columnLabel,
  isPhotoName,
  mimeOf,
  percent,
  problemText,
  sortProblems,
  visibleProblems,
  type ImportProblem,
} from '../../../renderer/src/pages/import/import-logic.ts';
import { base64Pieces, base64ToBytes, bytesToBase64, MAX_PIECE_CHARS, pieceRanges } from '../../../renderer/src/stores/import-pieces.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';

function problem(row: number, letter: string | null, code: string, severity: ImportProblem['severity'] = 'error'): ImportProblem {
  return { row, column: letter === null ? null : { letter, header: `H${letter}` }, field: null, code, severity, message: `English ${code}` };
}

describe('upload pieces', () => {
  it('cuts at multiples of 3 bytes so every piece is base64 of its own within the limit', () => {
    expect(pieceRanges(10, 8)).toEqual([[0, 6], [6, 10]]);
    expect(pieceRanges(0)).toEqual([[0, 0]]);
    const step = (MAX_PIECE_CHARS / 4) * 3;
    expect(pieceRanges(step * 2 + 1)).toEqual([[0, step], [step, step * 2], [step * 2, step * 2 + 1]]);
    expect(() => pieceRanges(5, 3)).toThrow(RangeError);
  });

  it('pieces decode and append back to the file', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37) % 256);
    for (const max of [4, 8, 100, 1336, MAX_PIECE_CHARS]) {
      const pieces = base64Pieces(bytes, max);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
      const joined = pieces.flatMap((p) => [...base64ToBytes(p)]);
      expect(joined).toEqual([...bytes]);
    }
  });

  it('encodes as standard base64, also beyond one argument-list slice', () => {
    expect(bytesToBase64(new TextEncoder().encode('工号,姓名'))).toBe(Buffer.from('工号,姓名').toString('base64'));
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(base64Pieces(new Uint8Array(0))).toEqual(['']);
  });
});

describe('problems', () => {
  const problems = [problem(5, 'B', 'name_required'), problem(1, 'F', 'column_unknown', 'warning'), problem(4, 'AA', 'photo_format'), problem(4, 'C', 'id_number_invalid'), problem(4, null, 'photo_missing', 'warning'), problem(4, 'C', 'duplicate_id_number', 'warning')];

  it('sorts by row, then column (whole row first, A..Z..AA), errors before warnings', () => {
    expect(sortProblems(problems).map((p) => `${p.row}${p.column?.letter ?? '-'}:${p.code}`)).toEqual([
      '1F:column_unknown',
      '4-:photo_missing',
      '4C:id_number_invalid',
      '4C:duplicate_id_number',
      '4AA:photo_format',
      '5B:name_required',
    ]);
    expect(problems[0]?.code).toBe('name_required'); // the input is left alone
  });

  it('filters to errors only', () => {
    expect(visibleProblems(problems, true).map((p) => p.code)).toEqual(['id_number_invalid', 'photo_format', 'name_required']);
    expect(visibleProblems(problems, false)).toHaveLength(6);
  });

  it('labels the column by letter and header', () => {
    expect(columnLabel(problem(2, 'C', 'x'))).toBe('C HC');
    expect(columnLabel({ ...problem(2, 'D', 'x'), column: { letter: 'D', header: '' } })).toBe('D');
    expect(columnLabel(problem(2, null, 'x'))).toBeNull();
  });

  it('translates validation.<code>, falling back to the English message', () => {
    const catalog: Record<string, string> = { 'validation.name_required': '请填写姓名。' };
    const t = (key: string, options: { defaultValue: string }) => catalog[key] ?? options.defaultValue;
    expect(problemText(t, problem(5, 'B', 'name_required'))).toBe('请填写姓名。');
    expect(problemText(t, problem(5, 'B', 'something_new'))).toBe('English something_new');
  });

  it('names the failed face checks and the number of faces in the user’s language', () => {
    const i18n = createTranslator('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(problemText(t, { ...problem(4, 'C', 'photo_face_check'), checks: ['face_size', 'sharpness'] })).toBe('照片中的人脸未通过：大小、清晰度（按最严格厂商的照片要求）。');
    expect(problemText(t, { ...problem(5, null, 'photo_faces'), faces: 3 })).toBe('照片中有 3 张人脸，请换一张只有本人的照片。');
    const en = createTranslator('en');
    expect(problemText(en.t.bind(en), { ...problem(4, 'C', 'photo_face_check'), checks: ['face_size', 'sharpness'] })).toBe('The face in the photo fails: Size, Sharpness (the strictest vendor’s photo rules).');
  });
});

describe('small helpers', () => {
  it('percent, photo names and MIME types', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBe(0);
    expect(percent(7, 5)).toBe(100);
    expect(['a.JPG', 'b.jpeg', 'c.png', 'd.gif', 'e.jpg.txt', '.DS_Store'].filter(isPhotoName)).toEqual(['a.JPG', 'b.jpeg', 'c.png']);
    expect(mimeOf('people.XLSX')).toContain('spreadsheetml');
    expect(mimeOf('rejected.csv')).toContain('text/csv');
    expect(mimeOf('x')).toBe('application/octet-stream');
  });
});

describe('people already on the site', () => {
  it('names the backends a person is on, by number once a backend is gone', () => {
    const names = new Map([
      [1, 'ZKBio gate'],
      [2, 'Hongtu'],
    ]);
    expect(backendNames([1, 2, 7], (id) => names.get(id), ', ')).toBe('ZKBio gate, Hongtu, #7');
    expect(backendNames([], (id) => names.get(id), '、')).toBe('');
  });
});
