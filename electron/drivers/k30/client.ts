import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { DriverError, abortCodeOf, type LocalizedText } from '../driver-error.ts';
import { EndpointClient, pathUrl, type BaseCallOptions } from '../endpoint-client.ts';
import type { Page } from '../paging.ts';
import { sleep } from '../poll-loop.ts';
import { k30EndpointById } from './endpoints.ts';
import { k30ParamsSchema, type K30Endpoint } from './envelope.ts';
import { RateWindow } from './rate-window.ts';
import { parseReply } from './reply.ts';
import { DEFAULT_SIGN_CHECK, sealedRequestBody, type SignCheck } from './sign.ts';
import { formatTimestamp } from './timestamp.ts';

export interface K30ClientOptions {
  /** The K30 software's `http://IP:Port` (the document's URLs start there). */
  readonly baseUrl: string;
  /** 企业编号: the sign secret and the AES key (16 characters). */
  readonly companyNo: string;
  /** How hard a reply's sign is checked (default `warn`: only two reply signs in the document verify, k30.md E7). */
  readonly signCheck?: SignCheck | undefined;
  /** Told when a `warn` check finds a reply's sign missing or wrong (it is also kept as `lastSignWarning`). */
  readonly onSignWarning?: ((warning: LocalizedText, endpoint: string) => void) | undefined;
  readonly tls?: TlsOptions | undefined;
  readonly timeoutMs?: number | undefined;
  /** The clock of the envelope's `timestamp` and of the rate window (tests set a fixed one). */
  readonly now?: (() => number) | undefined;
}

export type CallOptions = BaseCallOptions;

/** One sealed request: nothing to retry in another form. */
const ONE_VARIANT: readonly null[] = [null];

/**
 * 门禁软件K30's open API over HTTP (endpoint-client.ts): every call one POST of the envelope
 * `{companyno, timestamp, data, sign}`, signed over the plaintext JSON of the endpoint's fields and
 * `data` AES-encrypted (sign.ts, seed 000 1.1/1.2); replies decrypted and their sign checked
 * (reply.ts). Parameters are checked with the table's cross-field rules (二选一必填, 不能跨月);
 * people.list, region.list and region.peopleList wait their turn to stay under the document's
 * 60 a minute (rate-window.ts). Lists page by `pageindex`/`pagesize`; record.list's same-month
 * rule is met by {@link K30Client.passRecords}, one month at a time.
 */
export class K30Client extends EndpointClient<K30Endpoint, null, CallOptions> {
  /** The last reply whose sign a `warn` check let through (for connection tests and the log). */
  lastSignWarning: { readonly warning: LocalizedText; readonly endpoint: string } | null = null;

  constructor(options: K30ClientOptions) {
    const now = options.now ?? Date.now;
    const rates = new RateWindow(now);
    const { companyNo } = options;
    const key = {
      companyNo,
      signCheck: options.signCheck ?? DEFAULT_SIGN_CHECK,
      onSignWarning: (warning: LocalizedText, endpoint: string) => {
        this.lastSignWarning = { warning, endpoint };
        options.onSignWarning?.(warning, endpoint);
      },
    };
    super(
      { baseUrl: options.baseUrl, tls: options.tls, timeoutMs: options.timeoutMs, secrets: [companyNo], now },
      {
        vendor: 'k30',
        product: 'K30',
        endpointById: k30EndpointById,
        paramsSchema: k30ParamsSchema,
        beforeCall: async (spec, _checked, callOptions) => {
          const wait = rates.reserve(spec);
          if (wait > 0) await waitTurn(wait, spec.id, callOptions.signal);
        },
        retries: (spec) => ({ key: spec.id, variants: ONE_VARIANT, specOf: () => spec, refused: () => false }),
        // The body the client serialized once is what is signed and encrypted (a photo is not serialized again).
        authorize: (request) => ({
          url: pathUrl(request),
          body: sealedRequestBody(typeof request.body === 'string' ? request.body : JSON.stringify(request.parts.json ?? {}), companyNo, formatTimestamp(new Date(now()))),
        }),
        parseReply: (spec, reply) => parseReply(spec, reply, key),
        pageOf,
        pageParam: 'pageindex',
        pageSizeParam: 'pagesize',
        jsonContentType: 'application/json',
      },
    );
  }

  /**
   * Every pass record from `from` to `to` (`yyyy-MM-dd`, both days included): record.list reads one
   * month at a time (开始日期和结束日期不能跨月), so the range is read month by month, oldest first.
   */
  async *passRecords(from: string, to: string, params: Readonly<Record<string, unknown>> = {}, options: CallOptions & { pageSize?: number } = {}): AsyncGenerator<unknown> {
    for (const month of monthRanges(from, to)) yield* this.items('record.list', { ...params, startdate: month.from, effdate: month.to }, options);
  }
}

/** Waits for the rate window; a cancel (or a caller's deadline) while waiting is that call's error. */
async function waitTurn(ms: number, endpoint: string, signal: AbortSignal | undefined): Promise<void> {
  await sleep(ms, signal ?? new AbortController().signal);
  if (signal?.aborted) {
    const code = abortCodeOf(signal);
    throw new DriverError(code, code === 'timeout' ? `${endpoint}: the deadline passed while waiting for K30's rate limit.` : 'Cancelled.', { vendor: 'k30', endpoint, details: { waitedForRateLimitMs: ms } });
  }
}

/** A list page `{total, totalPage, data: [...]}` (envelope.ts `page`). */
export function pageOf(data: unknown): Page {
  const page = data as { data?: unknown[]; total?: number } | null;
  return { items: page?.data ?? [], ...(typeof page?.total === 'number' ? { total: page.total } : {}) };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `from`..`to` (`yyyy-MM-dd`, both included) cut at month ends: `2025-01-20..2025-03-05` is
 * `01-20..01-31`, `02-01..02-28`, `03-01..03-05`. Empty when `to` is before `from`; an
 * `invalid_params` DriverError for a text that is not a date.
 */
export function monthRanges(from: string, to: string): { from: string; to: string }[] {
  const start = dayOf(from);
  const end = dayOf(to);
  const out: { from: string; to: string }[] = [];
  for (let year = start.year, month = start.month, day = start.day; year * 12 + month <= end.year * 12 + end.month; day = 1) {
    const last = year === end.year && month === end.month ? end.day : new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (year * 12 + month < end.year * 12 + end.month || day <= last) out.push({ from: textOf(year, month, day), to: textOf(year, month, last) });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

function dayOf(text: string): { year: number; month: number; day: number } {
  const match = DAY.exec(text);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (year === undefined || month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw new DriverError('invalid_params', `record.list: "${text}" is not a date (yyyy-MM-dd).`, { vendor: 'k30', endpoint: 'record.list' });
  }
  return { year, month, day };
}

function textOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
