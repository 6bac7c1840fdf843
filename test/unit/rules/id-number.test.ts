import { describe, expect, it } from 'vitest';
import { idCheckCharacter, idNumberProblem } from '../../../shared/rules/id-number.ts';

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts valid numbers, including an X check character in either case', () => {
    // The standard's own worked example: 11010519491231002X.
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    const base = '33010619900307123';
    expect(idNumberProblem(base + idCheckCharacter(base))).toBeNull();
  });

  it('says what is wrong', () => {
    expect(idNumberProblem('1101051949123100')).toBe('length');
    expect(idNumberProblem('11010519491231002Y')).toBe('characters');
    expect(idNumberProblem('110105194902300020')).toBe('birth_date');
    expect(idNumberProblem('110105299901010020')).toBe('birth_date');
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
  });
});
