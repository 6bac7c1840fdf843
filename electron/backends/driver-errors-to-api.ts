import { ApiError, type ErrorCode } from '../../shared/contract/errors.ts';
import { DriverError, type DriverErrorCode } from '../drivers/driver-error.ts';

const CODES: Readonly<Record<DriverErrorCode, ErrorCode>> = {
  dns: 'backend_unreachable',
  refused: 'backend_unreachable',
  unreachable: 'backend_unreachable',
  reset: 'backend_unreachable',
  timeout: 'backend_timeout',
  tls: 'backend_tls',
  plain_http: 'backend_plain_http',
  http_status: 'backend_bad_reply',
  not_json: 'backend_bad_reply',
  truncated_json: 'backend_bad_reply',
  schema_mismatch: 'backend_bad_reply',
  bad_credentials: 'backend_bad_credentials',
  vendor_error: 'backend_refused',
  unsupported: 'backend_unsupported',
  invalid_params: 'backend_invalid_params',
  too_frequent: 'backend_too_frequent',
  list_too_long: 'backend_list_too_long',
  paging_repeated: 'backend_bad_reply',
  aborted: 'cancelled',
};

/** A driver's failure as the API's error: the same facts, with the advice in both languages. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof DriverError)) return error;
  return new ApiError(CODES[error.code], error.message, {
    cause: error.code,
    vendor: error.vendor,
    ...(error.endpoint ? { endpoint: error.endpoint } : {}),
    ...(error.vendorCode !== undefined ? { vendorCode: error.vendorCode } : {}),
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.advice ? { advice: error.advice } : {}),
    reason: error.message,
    ...(error.details ?? {}),
  });
}
