import type { i18n as I18n } from 'i18next';
import type { ApiErrorBody, InputIssue } from '../contract/errors.ts';

/** A readable one-line summary of input issues: "name: Enter a name.; id: …". */
function summarizeIssues(t: I18n['t'], issues: readonly InputIssue[]): string {
  return issues
    .map((issue) => {
      const key = `validation.${issue.message}`;
      const text = t(key, { defaultValue: issue.message });
      return issue.path.length > 0 ? t('fieldIssue.line', { field: fieldName(t, issue.path), problem: text }) : text;
    })
    .join(t('fieldIssue.separator'));
}

/**
 * The field an issue points at, by its name in the user's language (`person.idNumber` → 身份证号):
 * `<parent>_<field>` first, then the field; the path as it is when no name is known.
 */
function fieldName(t: I18n['t'], path: InputIssue['path']): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const field = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  for (const key of [parent && field ? `${parent}_${field}` : null, field ?? null]) {
    if (key === null || !/^\w+$/.test(key)) continue;
    const name = t(`fieldNames.${key}`, { defaultValue: '' });
    if (typeof name === 'string' && name !== '') return name;
  }
  return path.join('.');
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
