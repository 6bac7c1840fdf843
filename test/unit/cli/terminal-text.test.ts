import { describe, expect, it } from 'vitest';
import { tableLine, terminalText } from '../../../electron/cli/terminal-text.ts';

describe('terminalText, the one way the CLI prints', () => {
  it('escapes every control character a terminal acts on, and direction overrides', () => {
    expect(terminalText('a\u001b]0;title\u0007b')).toBe('a\\u001b]0;title\\u0007b');
    expect(terminalText('\u001b[2J\u0000\u0008\r\u007f\u009b\u009d')).toBe('\\u001b[2J\\u0000\\u0008\\u000d\\u007f\\u009b\\u009d');
    expect(terminalText('abc\u202Eexe.txt \u2066x\u2069 \u2028')).toBe('abc\\u202eexe.txt \\u2066x\\u2069 \\u2028');
  });

  it('leaves text alone otherwise, with the line breaks and tabs the CLI lays out with', () => {
    const text = '张三\tJosé·Müller\n第二行 O’Brien 😀 \u200F';
    expect(terminalText(text)).toBe(text);
  });

  it('keeps JSON valid, with the same values', () => {
    const value = { name: 'x\u009b31m\u202Ey\u0000', list: ['\u2028'] };
    const printed = terminalText(JSON.stringify(value, null, 2));
    expect(printed).not.toMatch(/[\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(printed)).toEqual(value);
  });

  it('a table cell cannot add a column or a line', () => {
    expect(tableLine(['P1', 'Bob\tpass\nfake line', null, 3])).toBe('P1\tBob\\u0009pass\\u000afake line\t\t3');
  });
});
