import { ApiFailure, PROGRAM_ERROR } from '../codes.ts';
import type { EventStream, TransactionRecord } from '../events.ts';
import { pageItems, pagedObject, readPaging } from '../paging.ts';
import { ok, retOk } from '../reply.ts';
import type { ApiRequest, Handler, JsonObject, SimContext } from '../request.ts';
import { asText, isObject } from '../request.ts';
import { formatDate } from '../time.ts';
import {
  doorTransactionDetailView,
  doorTransactionView,
  monitorView,
  psgTransactionView,
  transactionV1,
  transactionV1Zone,
  transactionV2,
  transactionV3,
} from '../views.ts';
import { inRange, readRange, readTimestamp } from './filters.ts';

/**
 * Transactions: access (2.19), elevator (2.20), attendance (2.22), temperature (2.27) and
 * entrance control (2.35). Lists are newest first; `startDate`/`endDate` filter on the event time;
 * a device SN that is not a device is -102. Monitor semantics: see events.ts.
 */
type View = (record: TransactionRecord) => Record<string, unknown>;

interface Selection {
  readonly pin?: string | undefined;
  readonly deviceSn?: string | undefined;
}

function select(req: ApiRequest, ctx: SimContext, stream: EventStream, by: Selection): TransactionRecord[] {
  const range = readRange(req);
  if (by.deviceSn !== undefined && !ctx.state.deviceBySn(by.deviceSn)) throw new ApiFailure(-102);
  return ctx.events
    .list(stream)
    .filter((record) => (by.pin === undefined || record.pin === by.pin) && (by.deviceSn === undefined || record.devSn === by.deviceSn) && inRange(record, range));
}

function listOf(stream: EventStream, view: View, paged: boolean, by: (req: ApiRequest) => Selection): Handler {
  return (req, ctx) => {
    const paging = req.paging();
    const records = select(req, ctx, stream, by(req));
    return ok(paged ? pagedObject(records.map(view), paging) : pageItems(records, paging).map(view));
  };
}

const byPersonPin = (req: ApiRequest): Selection => ({ ...(req.text('personPin') ? { pin: req.text('personPin') } : {}) });
const byPin = (req: ApiRequest): Selection => ({ ...(req.text('pin') ? { pin: req.text('pin') } : {}) });
const byDevice = (req: ApiRequest): Selection => ({ ...(req.text('deviceSn') ? { deviceSn: req.text('deviceSn') } : {}) });

function monitor(stream: EventStream, view: View): Handler {
  return (req, ctx) => ok(ctx.events.monitor(stream, readTimestamp(req)).map(view));
}

/**
 * 2.19.10–2.19.12: per person and day, the first record at an in-reader and the last at an
 * out-reader.
 */
function firstInLastOut(paged: boolean): Handler {
  return (req, ctx) => {
    const paging = req.paging();
    const pin = req.require('pin');
    const records = select(req, ctx, 'acc', { pin }).slice().reverse();
    const days = new Map<string, { first?: TransactionRecord; last?: TransactionRecord }>();
    for (const record of records) {
      const day = formatDate(new Date(record.at));
      const entry = days.get(day) ?? {};
      if (record.readerState === 0 && !entry.first) entry.first = record;
      if (record.readerState === 1) entry.last = record;
      days.set(day, entry);
    }
    const person = ctx.state.persons.get(pin);
    const rows = [...days.entries()].reverse().map(([day, { first, last }]) => ({
      id: (first ?? last)?.id ?? day,
      pin,
      name: person?.name ?? '',
      lastName: person?.lastName ?? '',
      deptCode: person?.deptCode ?? '',
      deptName: person ? ctx.state.deptName(person.deptCode) : '',
      readerNameIn: first?.readerName ?? '',
      firstInTime: first?.eventTime ?? '',
      readerNameOut: last?.readerName ?? '',
      lastOutTime: last?.eventTime ?? '',
    }));
    return ok(paged ? pagedObject(rows, paging) : pageItems(rows, paging));
  };
}

const LEVELS: Readonly<Record<string, number>> = { normal: 0, warning: 1, alarm: 2 };

/**
 * 2.19.13/2.19.14 filters, from the body — or from `content` when the body wraps them as
 * 2.19.14's example does (§8.7 item 44). Paging is optional here; values may be text ("1").
 */
function doorTransactions(req: ApiRequest, ctx: SimContext): { records: TransactionRecord[]; pageNo: number; pageSize: number } {
  const outer = req.object();
  const body: JsonObject = isObject(outer['content']) ? outer['content'] : outer;
  const read = (name: string) => asText(body[name]);
  const paging = read('pageNo') !== undefined || read('pageSize') !== undefined ? readPaging(read('pageNo'), read('pageSize')) : { pageNo: 1, pageSize: 10 };
  const range = readRange(req, 'startTime', 'endTime', body);
  const type = read('type');
  if (type !== undefined && LEVELS[type] === undefined) throw new ApiFailure(PROGRAM_ERROR);
  const filter = read('filter')?.toLowerCase();
  const records = ctx.events
    .list('acc')
    .filter(
      (record) =>
        inRange(record, range) &&
        (read('devSn') === undefined || record.devSn === read('devSn')) &&
        (read('personPin') === undefined || record.pin === read('personPin')) &&
        (read('eventNo') === undefined || String(record.eventNo) === read('eventNo')) &&
        (type === undefined || record.eventLevel === LEVELS[type]) &&
        (filter === undefined || [record.pin, record.name, record.lastName].some((value) => value.toLowerCase().includes(filter))),
    );
  return { records, ...paging };
}

export const TRANSACTION_HANDLERS: Record<string, Handler> = {
  'transaction.list': listOf('acc', transactionV1Zone, false, byPersonPin),
  'transaction.list.v2': listOf('acc', transactionV2, true, byPersonPin),
  'transaction.device': listOf('acc', transactionV1, false, byDevice),
  'transaction.device.v2': listOf('acc', transactionV2, true, byDevice),
  'transaction.device.v3': listOf('acc', transactionV3, true, byDevice),
  'transaction.person': listOf('acc', transactionV1Zone, false, byPin),
  'transaction.person.v2': listOf('acc', transactionV2, true, byPin),
  'transaction.person.v3': listOf('acc', transactionV2, true, byPin),
  'transaction.monitor': monitor('acc', monitorView),
  // An unknown id: no appendix code; a Java service returning null gives `data: null`.
  'transaction.getById': (req, ctx) => ok(maybe(ctx.events.byId(req.require('id', PROGRAM_ERROR)), transactionV2)),
  'transaction.getById.v2': (req, ctx) => ok(maybe(ctx.events.byId(req.require('id', PROGRAM_ERROR)), transactionV3)),
  'transaction.firstInAndLastOut': firstInLastOut(false),
  'transaction.firstInAndLastOut.v2': firstInLastOut(true),
  'transaction.firstInAndLastOut.v3': firstInLastOut(true),
  'transaction.getDoorTransactions': (req, ctx) => {
    const { records, pageNo, pageSize } = doorTransactions(req, ctx);
    const page = pageItems(records, { pageNo, pageSize }).map(doorTransactionView);
    return retOk(page, { page: pageNo, pageSize, total: records.length });
  },
  'transaction.getDoorTransactions.v2': (req, ctx) => {
    const { records, pageNo, pageSize } = doorTransactions(req, ctx);
    return retOk(pagedObject(records.map(transactionV2), { pageNo, pageSize }));
  },
  'transaction.getDoorTransactionDetail': (req, ctx) => {
    const outer = req.object();
    const id = asText(isObject(outer['content']) ? outer['content']['id'] : outer['id']);
    const record = id === undefined ? undefined : ctx.events.byId(id);
    if (!record) throw new ApiFailure(PROGRAM_ERROR);
    return retOk(doorTransactionDetailView(record));
  },

  'eleTransaction.list': listOf('ele', transactionV1Zone, false, byPersonPin),
  'eleTransaction.list.v2': listOf('ele', transactionV1Zone, true, byPersonPin),
  'transaction.listAttTransaction': (req) => {
    req.paging();
    return ok([]);
  },
  'hepTransaction.list': listOf('hep', transactionV1Zone, false, byPersonPin),
  'hepTransaction.monitor': monitor('hep', transactionV1Zone),

  'psgTransaction.list': listOf('psg', (t) => psgTransactionView(t), false, byPersonPin),
  'psgTransaction.list.v2': listOf('psg', (t) => psgTransactionView(t), true, byPersonPin),
  'psgTransaction.list.v2.dup': listOf('psg', (t) => psgTransactionView(t), true, byPersonPin),
  'psgTransaction.device': listOf('psg', (t) => psgTransactionView(t), false, byDevice),
  'psgTransaction.device.v2': listOf('psg', (t) => psgTransactionView(t), true, byDevice),
  'psgTransaction.device.v3': listOf('psg', (t) => psgTransactionView(t), true, byDevice),
  'psgTransaction.person': listOf('psg', (t) => psgTransactionView(t), false, byPin),
  'psgTransaction.person.v3': listOf('psg', (t) => psgTransactionView(t), true, byPin),
  'psgTransaction.monitor': monitor('psg', (t) => psgTransactionView(t, true)),
};

function maybe(record: TransactionRecord | undefined, view: View): Record<string, unknown> | null {
  return record ? view(record) : null;
}
