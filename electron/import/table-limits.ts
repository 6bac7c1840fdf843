import { IMPORT_LIMITS } from '../../shared/rules/import-limits.ts';
import { TableReadError } from './table-read-error.ts';

/** The limits a table is read under (shared/rules/import-limits.ts; tests may pass smaller ones). */
export type TableLimits = Readonly<Record<'rows' | 'columns' | 'cells' | 'tableBytes' | 'unzippedBytes', number>>;

export const TABLE_LIMITS: TableLimits = IMPORT_LIMITS;

/**
 * Counts a table's rows and cells as a reader produces them, and stops the reading (a
 * TableReadError naming the limit and the row) as soon as one is passed: a sheet of millions of
 * rows is refused at the first row over the limit, not after it has filled the memory.
 */
export class TableGauge {
  private readonly limits: TableLimits;
  private cellCount = 0;
  private filledRows = 0;

  constructor(limits: TableLimits) {
    this.limits = limits;
  }

  /** One cell at 0-based column `index` of sheet row `row`, as a CSV parser reads it: a line of a million commas stops at the first column over the limit. */
  cell(row: number, index: number): void {
    if (index >= this.limits.columns) throw this.tooManyColumns(row);
    if (++this.cellCount > this.limits.cells) throw this.tooManyCells(row);
  }

  /** A whole row of `columns` cells, before they are made (an XLSX row with a cell in column XFD has 16,384). */
  row(row: number, columns: number): void {
    if (columns > this.limits.columns) throw this.tooManyColumns(row);
    this.cellCount += columns;
    if (this.cellCount > this.limits.cells) throw this.tooManyCells(row);
  }

  /** A row that is not blank, kept: the first is the header, the limit counts the rows of people below it. */
  filled(row: number): void {
    if (++this.filledRows > this.limits.rows + 1) throw new TableReadError('table_too_many_rows', `More than ${this.limits.rows} rows of people (stopped at row ${row}).`, { row });
  }

  private tooManyColumns(row: number): TableReadError {
    return new TableReadError('table_too_many_columns', `Row ${row} has more than ${this.limits.columns} columns.`, { row });
  }

  private tooManyCells(row: number): TableReadError {
    return new TableReadError('table_too_many_cells', `More than ${this.limits.cells} cells (stopped at row ${row}).`, { row });
  }
}
