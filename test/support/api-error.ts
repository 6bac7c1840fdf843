import { ApiError } from '../../shared/contract/errors.ts';

/** The ApiError `fn` throws (anything else is rethrown; nothing thrown fails the test). */
export function captureError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
