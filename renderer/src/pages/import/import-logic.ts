import type { ImportProblemSchema } from '../../../../shared/contract/imports.ts';
import { importProblemText } from '../../../../shared/i18n/import-problem.ts';
import type { z } from 'zod';

export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** Spreadsheet column order: A < B < … < Z < AA. */
function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Problems by row, then column (whole-row problems first), errors before warnings. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.row - b.row ||
      (a.column ? columnIndex(a.column.letter) : 0) - (b.column ? columnIndex(b.column.letter) : 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

export function visibleProblems(problems: readonly ImportProblem[], errorsOnly: boolean): ImportProblem[] {
  return sortProblems(errorsOnly ? problems.filter((p) => p.severity === 'error') : problems);
}

/** "C 身份证号" for a problem's column; null when the problem is not tied to one. */
export function columnLabel(problem: ImportProblem): string | null {
  if (!problem.column) return null;
  return problem.column.header === '' ? problem.column.letter : `${problem.column.letter} ${problem.column.header}`;
}

type Translate = Parameters<typeof importProblemText>[0];

/** The problem in the user's language: `validation.<code>` from the catalog (failed face checks named), else the core's English text. */
export function problemText(t: Translate, problem: ImportProblem): string {
  return importProblemText(t, problem);
}

/** Whole percent of `done` out of `total` (0 when there is nothing to do). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** Files from a file picker or a folder picker that can be photos (by extension; the core checks content). */
export function isPhotoName(name: string): boolean {
  return /\.(jpe?g|png)$/i.test(name);
}

const MIME: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeOf(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

/** Rows that update existing people listed on the page (the CLI's dry run lists them all). */
export const MAX_UPDATE_ROWS = 200;

/** "ZKBio gate, Hongtu (#2)": backends by name, or by number once removed. */
export function backendNames(ids: readonly number[], nameOf: (id: number) => string | undefined, separator: string): string {
  return ids.map((id) => nameOf(id) ?? `#${id}`).join(separator);
}
