import { ApiError } from '../../shared/contract/errors.ts';

type TableReadErrorCode =
  | 'table_format'
  | 'table_unreadable'
  | 'table_empty'
  | 'table_too_large'
  | 'table_unzipped_too_large'
  | 'table_too_many_rows'
  | 'table_too_many_columns'
  | 'table_too_many_cells';

/**
 * A spreadsheet Doorman cannot or will not read. The code is also the API's error code (catalog
 * `errors.<code>`); `details` fill the message's placeholders (the row reading stopped at…).
 */
export class TableReadError extends Error {
  readonly code: TableReadErrorCode;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: TableReadErrorCode, message: string, details: Record<string, string | number> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TableReadError';
    this.code = code;
    this.details = details;
  }

  /** The same refusal as the API gives it. */
  toApiError(): ApiError {
    return new ApiError(this.code, this.message, { ...this.details });
  }
}
