import { describe, expect, it } from 'vitest';
import { scopeSelector, splitSelectorList } from '../../../renderer/src/pages/report/report-scope.ts';

describe('report selectors in a shadow root', () => {
  it.each([
    ['body', '.report-body'],
    ['html', ':host'],
    [':root', ':host'],
    ['html body p', ':host .report-body p'],
    ['body > h1, table td', '.report-body > h1, table td'],
    ['body.print', '.report-body.print'],
    ['.tbody, tbody td, .body-text', '.tbody, tbody td, .body-text'],
    ['td:is(.a, body)', 'td:is(.a, .report-body)'],
    ['a[title="body, html"]', 'a[title="body, html"]'],
  ])('%s → %s', (input, output) => {
    expect(scopeSelector(input)).toBe(output);
  });

  it('splits only at top-level commas', () => {
    expect(splitSelectorList('a, b:not(.x, .y), [data-x="1,2"]')).toEqual(['a', 'b:not(.x, .y)', '[data-x="1,2"]']);
  });
});
