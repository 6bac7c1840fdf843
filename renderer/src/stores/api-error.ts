import { ApiError, type ApiErrorBody } from '../../../shared/contract/errors.ts';

/**
 * What a store keeps of a failure: the API error's wire body (code, message, details), so the UI
 * localizes it by code with `localizeError`. Anything that is not an ApiError (a bug of ours) is
 * kept as `internal` with its text as the fallback message.
 */
export function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
