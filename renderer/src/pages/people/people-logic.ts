import type { DeviceResult } from '../../../../shared/contract/device-results.ts';
import { PersonFieldsSchema, type Person, type PersonFields, type PersonSync, type SyncState } from '../../../../shared/contract/people.ts';

export type FieldName = keyof PersonFields;
/** The edit form: every field as the text typed. */
export type PersonForm = Partial<Record<FieldName, string>>;

/** An ID number with every character but the last 4 hidden ('' when there is none). */
export function maskIdNumber(idNumber: string | undefined): string {
  if (!idNumber) return '';
  const visible = Math.min(4, idNumber.length);
  return '*'.repeat(idNumber.length - visible) + idNumber.slice(idNumber.length - visible);
}

/** Letters and digits only, upper case: "110105 1949 1231 002x" and "110105194912310002X" compare alike. */
function compact(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * The people the query finds (case-insensitive; blank: all): by name, personnel number, phone or
 * department (any part of them), or by the full ID number. The ID number is shown masked, so only
 * the whole number finds a person: a part of it would tell hidden digits to whoever types it.
 */
export function filterPeople(people: readonly Person[], query: string): Person[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...people];
  const id = compact(q);
  const digits = q.replace(/[\s-]/g, '');
  return people.filter((p) => {
    const f = p.fields;
    return (
      f.pin.toLowerCase().includes(q) ||
      f.name.toLowerCase().includes(q) ||
      (f.department ?? '').toLowerCase().includes(q) ||
      (digits !== '' && (f.phone ?? '').includes(digits)) ||
      (f.idNumber !== undefined && compact(f.idNumber) === id)
    );
  });
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

/** The state that speaks for the whole row: a failure first, then what waits, then what was cancelled. */
const WORST_FIRST: readonly SyncState[] = ['failed', 'waiting', 'cancelled', 'synced'];

/** A person's one state over all their backends (null: sent nowhere yet). */
export function overallSyncState(states: readonly PersonSync[]): SyncState | null {
  return WORST_FIRST.find((state) => states.some((s) => s.state === state)) ?? null;
}

/**
 * The devices that reported not taking a person (K30's authstatus, through the callback receiver)
 * on the backends where the person's latest write is done: "synced" there, but not on every device.
 */
export function devicesNotTaking(results: readonly DeviceResult[], pin: string, states: readonly PersonSync[]): DeviceResult[] {
  const synced = new Set(states.filter((s) => s.state === 'synced').map((s) => s.backendId));
  return results.filter((r) => r.pin === pin && !r.ok && synced.has(r.backendId));
}
