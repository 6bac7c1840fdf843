import { describe, expect, it } from 'vitest';
import { JsonTooDeep, jsonDepth, MAX_JSON_DEPTH, parseBoundedJson } from '../../../electron/net/bounded-json.ts';

describe('bounded JSON', () => {
  it('measures nesting of objects and arrays, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"say \\"[[[\\" then \\\\","b":[[]]}')).toBe(3);
    expect(jsonDepth('[[],[],[[]]]')).toBe(3);
  });

  it('parses what is within the limit as JSON.parse does', () => {
    const value = { busiType: 5, data: { id: 'x', list: [[1], [2]] } };
    expect(parseBoundedJson(JSON.stringify(value))).toEqual(value);
    const atLimit = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseBoundedJson(atLimit)).not.toThrow();
  });

  it('refuses deeper text before parsing it, and reports text that is not JSON as JSON.parse does', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(() => parseBoundedJson(deep)).toThrow(JsonTooDeep);
    expect(() => parseBoundedJson(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`)).toThrow('nested deeper than 64 levels');
    // An unclosed deep text is refused for its depth, never walked.
    expect(() => parseBoundedJson('['.repeat(1_000_000))).toThrow(JsonTooDeep);
    expect(() => parseBoundedJson('{"busiType":5,')).toThrow(SyntaxError);
  });
});
