import { formatDateTime, hexId } from './time.ts';

/**
 * The transaction log: access (2.19), entrance-control (2.35), elevator (2.20), temperature (2.27)
 * records, one list, newest last in memory and newest first in every list reply (the order of the
 * document's examples in 2.19.13/2.19.14).
 *
 * `transaction/monitor?timestamp=` (2.19.6, also 2.27.2 and 2.35.6). The document only says the
 * timestamp need not change after the first request. Reading used here: the timestamp names a
 * monitoring session. The first call with a timestamp T returns the events the server recorded at
 * or after T (by the server's clock); every later call with the same T returns the events recorded
 * since the previous call. Each event is delivered once per (stream, T); a new T starts a new
 * session. Sessions idle for 30 minutes are forgotten (a later call starts afresh).
 */
export type EventStream = 'acc' | 'psg' | 'ele' | 'hep';

export interface TransactionRecord {
  /** Order of arrival, for monitor sessions. */
  seq: number;
  stream: EventStream;
  /** Server clock (epoch ms) when the record was appended. */
  recordedAt: number;
  /** Epoch ms of `eventTime`. */
  at: number;
  id: string;
  eventTime: string;
  pin: string;
  name: string;
  lastName: string;
  deptName: string;
  areaName: string;
  cardNo: string;
  devSn: string;
  devName: string;
  verifyModeName: string;
  eventName: string;
  eventPointName: string;
  readerName: string;
  logId: number | null;
  accZone: string | null;
  eventNo: number;
  eventLevel: number;
  doorName: string;
  doorNumber: number;
  readerState: number;
  capturePhotoBase64: string;
  gateType: number | null;
}

export type TransactionInput = Omit<TransactionRecord, 'seq' | 'recordedAt' | 'id' | 'eventTime' | 'logId' | 'at'> & {
  at?: number;
  id?: string;
};

const SESSION_IDLE_MS = 30 * 60_000;

interface MonitorSession {
  cursor: number;
  lastUsed: number;
}

export class EventLog {
  private readonly records: TransactionRecord[] = [];
  private readonly sessions = new Map<string, MonitorSession>();
  private readonly logIds = new Map<string, number>();
  private readonly now: () => number;
  private seq = 0;

  /** `history` is recorded as of its own event times, so a monitor session started now skips it. */
  constructor(now: () => number, history: readonly TransactionInput[] = []) {
    this.now = now;
    for (const input of history) this.append(input, input.at);
  }

  append(input: TransactionInput, recordedAt = this.now()): TransactionRecord {
    const at = input.at ?? recordedAt;
    this.seq += 1;
    const logId = (this.logIds.get(input.devSn) ?? 0) + 1;
    this.logIds.set(input.devSn, logId);
    const record: TransactionRecord = {
      ...input,
      seq: this.seq,
      recordedAt,
      at,
      id: input.id ?? hexId(`transaction:${this.seq}:${recordedAt}`),
      eventTime: formatDateTime(new Date(at)),
      logId,
    };
    this.records.push(record);
    return record;
  }

  all(): readonly TransactionRecord[] {
    return this.records;
  }

  /** Newest first, as lists answer. */
  list(stream: EventStream): TransactionRecord[] {
    return this.records.filter((record) => record.stream === stream).sort((a, b) => b.at - a.at || b.seq - a.seq);
  }

  byId(id: string): TransactionRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  /** One monitor call (see the file comment); oldest first. */
  monitor(stream: EventStream, timestamp: number): TransactionRecord[] {
    const now = this.now();
    for (const [key, session] of this.sessions) if (now - session.lastUsed > SESSION_IDLE_MS) this.sessions.delete(key);
    const key = `${stream}:${timestamp}`;
    const session = this.sessions.get(key);
    const fresh = this.records.filter(
      (record) => record.stream === stream && (session ? record.seq > session.cursor : record.recordedAt >= timestamp),
    );
    this.sessions.set(key, { cursor: this.seq, lastUsed: now });
    return fresh;
  }
}
