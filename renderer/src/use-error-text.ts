import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../shared/contract/errors.ts';
import { localizeError } from '../../shared/i18n/errors.ts';

/** Turns an API error into the user's language; components using it re-render on a language switch. */
export function useErrorText(): (body: ApiErrorBody) => string {
  const { i18n } = useTranslation();
  return (body) => localizeError(i18n, body);
}
