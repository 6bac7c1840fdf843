import type { ApiErrorBody, InputIssue } from '../../../shared/contract/errors.ts';
import type { LocalSubnet, ScanFinding, ScanOptionsInput } from '../../../shared/contract/scan.ts';
import { parsePortList } from '../../../shared/rules/scan-ports.ts';

// The Scan form's pure logic, beside the scan store that holds the form (the page renders it).

/** What the user typed on the Scan page (texts as typed, so nothing they wrote is lost on an error). */
export interface ScanFormValues {
  readonly targets: string;
  readonly exclude: string;
  readonly ports: string;
  readonly timeoutMs: string;
  /** Also ask ONVIF cameras and panels to announce themselves (one multicast probe). */
  readonly onvif: boolean;
}

export type ScanField = 'targets' | 'exclude' | 'ports' | 'timeoutMs';

/** A field's problem: a catalog key, and the items it is about (the targets not understood). */
export interface ScanFieldError {
  readonly key: string;
  readonly items: readonly string[];
}
export type ScanFieldErrors = Partial<Record<ScanField, ScanFieldError>>;

/** The scan to start, without its site. */
export type ScanRequest = Omit<ScanOptionsInput, 'allowLarge'>;

type CheckedScan = { readonly ok: true; readonly request: ScanRequest } | { readonly ok: false; readonly errors: ScanFieldErrors };

export const EMPTY_FORM: ScanFormValues = { targets: '', exclude: '', ports: '', timeoutMs: '1000', onvif: false };

/** The contract's limits (ScanOptionsSchema). */
const MAX_TARGETS = 64;
const MAX_TARGET_CHARS = 64;
const TIMEOUT_MIN = 50;
const TIMEOUT_MAX = 10_000;

/**
 * `10.0.0.0/24, 10.0.1.5 10.0.2.1 - 10.0.2.9` → one item per target. Commas (also the Chinese
 * `，` and `、`), semicolons and spaces separate; spaces around a range's dash do not.
 */
export function splitTargets(text: string): string[] {
  return text.replace(/\s*-\s*/g, '-').split(/[\s,，、;；]+/).filter(Boolean);
}

/** The subnets ticked when the page first shows them: every non-internal one (loopback is internal). */
export function defaultSubnets(subnets: readonly LocalSubnet[]): string[] {
  return [...new Set(subnets.filter((s) => !s.internal).map((s) => s.cidr))];
}

/** Checks the form as the core would (its limits, the port syntax) and builds the scan's options. */
export function checkScanForm(values: ScanFormValues, subnetTargets: readonly string[]): CheckedScan {
  const errors: { -readonly [F in ScanField]?: ScanFieldError } = {};
  const typed = splitTargets(values.targets);
  const targets = [...new Set([...subnetTargets, ...typed])];
  const exclude = splitTargets(values.exclude);
  if (targets.length === 0) errors.targets = { key: 'validation.scan_no_targets', items: [] };
  else if (targets.length > MAX_TARGETS) errors.targets = { key: 'scanPage.validation.tooManyTargets', items: [] };
  const longTargets = typed.filter((t) => t.length > MAX_TARGET_CHARS);
  if (longTargets.length > 0) errors.targets = { key: 'validation.scan_target', items: longTargets };
  const longExcludes = exclude.filter((t) => t.length > MAX_TARGET_CHARS);
  if (exclude.length > MAX_TARGETS) errors.exclude = { key: 'scanPage.validation.tooManyTargets', items: [] };
  else if (longExcludes.length > 0) errors.exclude = { key: 'validation.scan_target', items: longExcludes };
  const ports = parsePortList(values.ports);
  if (ports === null) errors.ports = { key: 'validation.scan_ports', items: [] };
  const timeout = values.timeoutMs.trim() === '' ? 1000 : Number(values.timeoutMs);
  if (!Number.isInteger(timeout) || timeout < TIMEOUT_MIN || timeout > TIMEOUT_MAX) errors.timeoutMs = { key: 'scanPage.validation.timeout', items: [] };
  if (Object.keys(errors).length > 0 || ports === null) return { ok: false, errors };
  return { ok: true, request: { targets, exclude, ports, timeoutMs: timeout, onvif: values.onvif } };
}

/**
 * The core's refusal of a scan's input, on the fields it concerns: its issues point at
 * `targets[i]`, `exclude[i]` or `ports`, so the page can name the very items it did not understand.
 */
export function fieldErrorsOf(error: ApiErrorBody, request: ScanRequest): ScanFieldErrors | null {
  if (error.code !== 'invalid_input') return null;
  const issues = Array.isArray(error.details?.['issues']) ? (error.details['issues'] as InputIssue[]) : [];
  const errors: { -readonly [F in ScanField]?: { key: string; items: string[] } } = {};
  for (const issue of issues) {
    const [head, index] = issue.path;
    const field: ScanField | null = head === 'targets' || head === 'exclude' || head === 'ports' || head === 'timeoutMs' ? head : null;
    if (field === null) continue;
    const list = field === 'targets' ? request.targets : field === 'exclude' ? request.exclude : undefined;
    const item = typeof index === 'number' ? list?.[index] : undefined;
    const entry = (errors[field] ??= { key: `validation.${issue.message}`, items: [] });
    if (item !== undefined) entry.items.push(item);
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/** Dotted IPv4 to a number for sorting; anything else sorts last. */
function addressValue(address: string): number {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p))) return Number.MAX_SAFE_INTEGER;
  return parts.reduce((value, part) => value * 256 + part, 0);
}

function compareAddresses(a: string, b: string): number {
  return addressValue(a) - addressValue(b);
}

/** The findings with this one in its address's place (a repeated address replaces the older). */
export function withFinding(findings: readonly ScanFinding[], finding: ScanFinding): ScanFinding[] {
  return [...findings.filter((f) => f.address !== finding.address), finding].sort((a, b) => compareAddresses(a.address, b.address));
}
