import type { CheckId } from '../rules/face-checks.ts';

/** What an import problem's text needs (ImportProblemSchema, the core's ImportProblem). */
interface ProblemForText {
  readonly code: string;
  /** The core's English text, shown when the catalog has no `validation.<code>`. */
  readonly message: string;
  readonly checks?: readonly CheckId[] | undefined;
  readonly faces?: number | undefined;
  /** department_*: the department as written, and the backend asked. */
  readonly value?: string | undefined;
  readonly backend?: string | undefined;
  readonly owner?: { readonly pin: string; readonly name: string } | undefined;
}

type Translate = (key: string, options: { defaultValue: string; checks?: string; faces?: number; value?: string; backend?: string; pin?: string; name?: string }) => string;

/**
 * An import problem in the user's language: `validation.<code>` from the catalog, with the failed
 * face checks named (`face.check.<id>`) and the number of faces; else the core's English text.
 * The Import page, the rejected-rows CSV and the CLI all say it this way.
 */
export function importProblemText(t: Translate, problem: ProblemForText): string {
  const checks = problem.checks?.map((id) => t(`face.check.${id}`, { defaultValue: id })).join(t('importPage.listSeparator', { defaultValue: ', ' }));
  return t(`validation.${problem.code}`, {
    defaultValue: problem.message,
    ...(checks !== undefined ? { checks } : {}),
    ...(problem.faces !== undefined ? { faces: problem.faces } : {}),
    ...(problem.value !== undefined ? { value: problem.value } : {}),
    ...(problem.backend !== undefined ? { backend: problem.backend } : {}),
    ...(problem.owner !== undefined ? { pin: problem.owner.pin, name: problem.owner.name } : {}),
  });
}
