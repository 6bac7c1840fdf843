/**
 * What can go wrong talking to a backend, as stable codes the services, the CLI and the UI switch
 * on. Network failures are told apart (a guard or installer fixes each differently), and a vendor's
 * own refusal carries the vendor's code with advice in both languages.
 */
export const DRIVER_ERROR_CODES = [
  'dns', // the host name does not resolve
  'refused', // nothing listens on that port
  'unreachable', // no route to the host
  'timeout', // no answer in time
  'reset', // the connection was cut
  'tls', // certificate or TLS handshake problem
  'plain_http', // https:// to a port that speaks plain HTTP: use http:// (issue 12 item 7)
  'http_status', // an HTTP error status with no usable vendor reply
  'not_json', // the reply is not JSON (e.g. an HTML login page)
  'truncated_json', // the reply JSON ends early
  'schema_mismatch', // JSON, but not the shape the document promises
  'bad_credentials', // the token / key / signature was refused
  'vendor_error', // the vendor answered with a failure code
  'unsupported', // the backend's API cannot do this
  'invalid_params', // our parameters do not fit the endpoint (caught before sending)
  'too_frequent', // the vendor asks not to poll this so often
  'list_too_long', // a list goes past Doorman's page or row limit (shared/rules/list-limits.ts)
  'paging_repeated', // a list page repeats the page before: the server ignores the page number
  'aborted', // the caller cancelled
] as const;
export type DriverErrorCode = (typeof DRIVER_ERROR_CODES)[number];

/** Failures that say the backend cannot be talked to at all (any other call would fail alike). */
export const WHOLE_BACKEND_FAILURES: ReadonlySet<DriverErrorCode> = new Set(['dns', 'refused', 'unreachable', 'timeout', 'reset', 'tls', 'plain_http', 'bad_credentials', 'aborted']);

/**
 * A read whose failure is one column's "not read" (null), unless the backend cannot be talked to
 * at all (then every other call would fail alike, and the error is the answer).
 */
export async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof DriverError) || WHOLE_BACKEND_FAILURES.has(error.code)) throw error;
    return null;
  }
}

export interface LocalizedText {
  readonly en: string;
  readonly 'zh-CN': string;
}

interface DriverErrorInit {
  readonly vendor: string;
  readonly endpoint?: string | undefined;
  readonly vendorCode?: number | string | undefined;
  /** What happened and what to do, in both languages. */
  readonly advice?: LocalizedText | undefined;
  readonly status?: number | undefined;
  readonly details?: Record<string, unknown> | undefined;
  readonly cause?: unknown;
}

export class DriverError extends Error {
  readonly code: DriverErrorCode;
  readonly vendor: string;
  readonly endpoint: string | undefined;
  readonly vendorCode: number | string | undefined;
  readonly advice: LocalizedText | undefined;
  readonly status: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DriverErrorCode, message: string, init: DriverErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DriverError';
    this.code = code;
    this.vendor = init.vendor;
    this.endpoint = init.endpoint;
    this.vendorCode = init.vendorCode;
    this.advice = init.advice;
    this.status = init.status;
    this.details = init.details;
  }
}

/**
 * A deadline as an abort reason: a caller that gives up waiting aborts with this, so the calls it
 * stops fail as `timeout`, not as a cancel (`AbortSignal.timeout` uses the same DOMException name).
 */
export function deadlinePassed(message: string): DOMException {
  return new DOMException(message, 'TimeoutError');
}

/** Why an aborted signal stopped a call: a deadline passing (`timeout`) or someone cancelling (`aborted`). */
export function abortCodeOf(signal: AbortSignal): 'timeout' | 'aborted' {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError' ? 'timeout' : 'aborted';
}

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|EPROTO|DOORMAN_PIN_MISMATCH/;

/** The network failure behind an error from undici / Node, walking its `cause` chain. */
export function classifyNetworkError(error: unknown): DriverErrorCode {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = errorCodeOf(e);
    const name = e instanceof Error ? e.name : '';
    if (name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') return 'aborted';
    if (name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME') return 'dns';
    if (code === 'ECONNREFUSED') return 'refused';
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN' || code === 'ENETDOWN' || code === 'EADDRNOTAVAIL') return 'unreachable';
    if (code && TLS_CODES.test(code)) return 'tls';
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  }
  return 'unreachable';
}
