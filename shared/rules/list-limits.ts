/**
 * How much of one list Doorman reads from a backend (issue 11 item 6). A server that never ends
 * its list (every page full, a page number it ignores) is stopped here, with an error that says
 * so, instead of filling memory and the database: at most `maxPages` requests and `maxRows` items
 * per list read, and the inventory keeps at most `maxRows` rows of each kind. Far above any real
 * site (a few hundred panels and doors; a day of passes on a large site is tens of thousands).
 */
export const LIST_LIMITS = {
  maxPages: 2_000,
  maxRows: 100_000,
} as const;

export interface ListLimits {
  readonly maxPages: number;
  readonly maxRows: number;
}
