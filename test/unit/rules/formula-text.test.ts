import { describe, expect, it } from 'vitest';
import { markFormula, startsLikeFormula, unmarkFormula } from '../../../shared/rules/formula-text.ts';
import { trimSpaces } from '../../../shared/rules/plain-text.ts';

describe('formula-leading text (OWASP CSV Injection)', () => {
  it.each(['=1+2', '+cmd|x', '-2+3+cmd', '@SUM(1)', '\t=1+2', '\r=1', '\u0000x', '＝1+2', '＋1', '－1', '＠x', ' =1+2', '\u3000=1'])('%j is marked with a leading \'', (text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(markFormula(text)).toBe(`'${text}`);
  });

  it.each(['张三', 'a=b', '2026-01-01', "'quoted", '', ' plain', '1-2'])('%j is written as it is', (text) => {
    expect(markFormula(text)).toBe(text);
  });

  it('reading back undoes exactly what writing did, apostrophes typed by the user included', () => {
    for (const text of ['=1+2', "'=1+2", "''=1+2", "'x", "'", '@', '张三', ' =1', "' =1"]) expect(unmarkFormula(markFormula(text))).toBe(text);
  });

  it('trims spaces around text, but never into a formula and never anything but spaces', () => {
    expect(trimSpaces('  张三 \u3000')).toBe('张三');
    expect(trimSpaces(' =1+2 ')).toBe(' =1+2');
    expect(trimSpaces('\t=1+2')).toBe('\t=1+2');
    expect(trimSpaces('a\n')).toBe('a\n');
  });
});
