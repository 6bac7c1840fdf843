import { PersonFieldsSchema, type Person, type PersonFields } from '../../../../shared/contract/people.ts';

export type FieldName = keyof PersonFields;
/** The edit form: every field as the text typed. */
export type PersonForm = Partial<Record<FieldName, string>>;

/** An ID number with every character but the last 4 hidden ('' when there is none). */
export function maskIdNumber(idNumber: string | undefined): string {
  if (!idNumber) return '';
  const visible = Math.min(4, idNumber.length);
  return '*'.repeat(idNumber.length - visible) + idNumber.slice(idNumber.length - visible);
}

/** The people whose personnel number or name contains the query (case-insensitive; blank: all). */
export function filterPeople(people: readonly Person[], query: string): Person[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...people];
  return people.filter((p) => p.fields.pin.toLowerCase().includes(q) || p.fields.name.toLowerCase().includes(q));
}

/** A stored person's fields as the form's texts. */
export function formOf(fields: PersonFields): PersonForm {
  const form: PersonForm = {};
  for (const [key, value] of Object.entries(fields) as [FieldName, string | undefined][]) {
    if (value !== undefined) form[key] = value;
  }
  return form;
}

/** The form's ID number as the contract stores it (upper-cased), when it is typed and valid. */
export function validIdNumber(form: PersonForm, issues: Partial<Record<FieldName, string>>): string | undefined {
  const typed = form.idNumber?.trim();
  return typed && !issues.idNumber ? typed.toUpperCase() : undefined;
}

/** The form as the contract takes it (empty optional fields left out), or each field's issue key. */
export function validatePersonForm(form: PersonForm): { person: PersonFields | null; issues: Partial<Record<FieldName, string>> } {
  const raw = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = PersonFieldsSchema.safeParse(raw);
  if (parsed.success) return { person: parsed.data, issues: {} };
  const issues: Partial<Record<FieldName, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FieldName | undefined;
    if (field && !issues[field]) issues[field] = issue.code === 'invalid_type' ? 'required' : issue.message;
  }
  return { person: null, issues };
}
