import type { HttpsExchange, HttpsFaults } from './https-api.ts';
import type { QueuedTask, StatusRecord, TaskBook, UploadRecord } from './tasks.ts';
import type { SignInRecord, ZhejiangTcpSimulator } from './tcp-server.ts';

/** The running Zhejiang simulator (server.ts starts it; admin.ts steers it). */
export interface ZhejiangSimulator {
  readonly tcp: ZhejiangTcpSimulator;
  readonly tcpAddress: string;
  /** The one URL of every §3 apicode. */
  readonly apiUrl: string;
  /** The HTTPS server's base URL (photos and /__sim). */
  readonly url: string;
  readonly accessId: string;
  readonly accessKey: string;
  readonly accessSecret: string;
  readonly devices: readonly string[];
  readonly adminToken: string;
  /** Of the certificate made at start; undefined over http or a given certificate. */
  readonly fingerprint256: string | undefined;
  readonly tasks: TaskBook;
  readonly faults: HttpsFaults;
  readonly exchanges: readonly HttpsExchange[];
  readonly signIns: readonly SignInRecord[];
  readonly statuses: readonly StatusRecord[];
  readonly uploads: readonly UploadRecord[];
  /** Queues a task and names it in the device's heartbeats. */
  queueTask(task: Parameters<TaskBook['add']>[0]): QueuedTask;
  /** E34: the photo URL key of T_SEND_PERSON / T_UPDATE_DEVICE_PERSON data. */
  setImgUrlsKey(key: 'imgUrls' | 'imgUrIs'): void;
  /** Every fault off, credentials restored, nothing stalled. */
  clearFaults(): void;
  /** HTTPS and TCP stop answering (requests are read, never answered) until turned off. */
  stall(on: boolean): void;
  /** HTTPS requests held by the stall, unanswered. */
  stalledRequests(): number;
  close(): Promise<void>;
}
