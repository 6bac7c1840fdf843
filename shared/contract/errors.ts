import { z } from 'zod';

/**
 * Every error that crosses the API boundary has a stable code. Callers and the UI switch on the
 * code; the message is a readable English fallback (the UI and the CLI localize by code from the
 * shared catalogs, see shared/i18n).
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'unknown_event',
  'unauthorized',
  'internal',
  'transport_closed',
  'timeout',
  'site_not_found',
  'site_name_taken',
  // A site time zone the runtime does not know (issue 12 item 9); details: timeZone.
  'site_time_zone_unknown',
  'store_too_new',
  'store_corrupt',
  'store_unavailable',
  'secret_unreadable',
  'cancelled',
  'backend_not_found',
  // A visitor id the store does not have (issue 15 item 4).
  'visitor_not_found',
  // A door action the door's backend cannot do (issue 15 item 2); details: action, backendId.
  'door_action_unsupported',
  'backend_unreachable',
  'backend_timeout',
  'backend_tls',
  'backend_bad_credentials',
  'backend_bad_reply',
  'backend_refused',
  'backend_unsupported',
  'backend_invalid_params',
  'backend_too_frequent',
  'backend_list_too_long',
  // A backend's address (issue 12 items 4, 5, 7): the same server twice, a stored address that is
  // no address, https:// to a server that speaks plain HTTP.
  'backend_already_added',
  'backend_bad_address',
  'backend_plain_http',
  // A door test's walk-through person whom the backend does not know (issue 12 item 13).
  'person_not_on_backend',
  // An ID number another person of the site already has (issue 12 item 3); details: pin, name.
  'id_number_taken',
  // Retry on an outbox entry that was cancelled (by a person, or replaced by a newer write).
  'outbox_cancelled',
  // A push receiver that cannot listen at its kept address (issue 14 item 5).
  'receiver_address_unavailable',
  'scan_too_large',
  'scan_over_limit',
  'scan_not_found',
  // A spreadsheet or an upload an import refuses (limits: shared/rules/import-limits.ts).
  'table_format',
  'table_unreadable',
  'table_empty',
  'table_too_large',
  'table_unzipped_too_large',
  'table_too_many_rows',
  'table_too_many_columns',
  'table_too_many_cells',
  'import_photo_too_large',
  'import_too_many_photos',
  'import_too_large',
  'import_staging_full',
  'alarm_not_found',
  'alarm_already_acknowledged',
  // The platform bridge (issue 16): details name the bridge, device, sn or door; settings: problems.
  'bridge_not_found',
  'bridge_device_not_found',
  'bridge_sn_taken',
  'bridge_door_unknown',
  'bridge_door_taken',
  'bridge_level_unknown',
  'bridge_settings_invalid',
  'bridge_running_elsewhere',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** One problem found in an input, as zod reports it, with a path a form can attach to a field. */
export const InputIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type InputIssue = z.infer<typeof InputIssueSchema>;

/** The wire form of an error: `{code, message, details}` on both transports. */
export const ApiErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details);
  }
}

/** zod issues in the form the wire carries (paths as plain arrays, no symbols). */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: issue.code,
    message: issue.message,
  }));
}
