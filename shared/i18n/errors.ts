import type { i18n as I18n } from 'i18next';
import type { ApiErrorBody, InputIssue } from '../contract/errors.ts';

/** A readable one-line summary of input issues: "name: Enter a name.; id: …". */
export function summarizeIssues(t: I18n['t'], issues: readonly InputIssue[]): string {
  return issues
    .map((issue) => {
      const key = `validation.${issue.message}`;
      const text = t(key, { defaultValue: issue.message });
      return issue.path.length > 0 ? `${issue.path.join('.')}: ${text}` : text;
    })
    .join('; ');
}

/** The user's-language message for an API error, from its code and details. */
export function localizeError(i18n: I18n, error: ApiErrorBody): string {
  const details = error.details ?? {};
  const params: Record<string, unknown> = { ...details };
  if (error.code === 'invalid_input' && Array.isArray(details['issues'])) {
    params['summary'] = summarizeIssues(i18n.t.bind(i18n), details['issues'] as InputIssue[]);
  }
  // Driver errors carry advice in both languages: pick the user's, fall back to the reason.
  const advice = details['advice'];
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  params['adviceText'] =
    typeof advice === 'object' && advice !== null && typeof (advice as Record<string, unknown>)[lang] === 'string'
      ? (advice as Record<string, string>)[lang]
      : (details['reason'] ?? error.message);
  return i18n.t(`errors.${error.code}`, { ...params, defaultValue: error.message });
}
