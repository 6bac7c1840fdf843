import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_CODEC_OPTIONS, type ZhejiangCodecOptions } from '../../../electron/drivers/zhejiang/options.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { selfSignedCertificate } from '../../support/tls-cert.ts';
import { handleAdmin, isAdminPath } from '../common/admin.ts';
import { JSON_TYPE, springError, wrongMethodAnswer } from '../common/http-replies.ts';
import { readBody, startHttpServer, type RunningServer, type TlsFiles } from '../common/http-server.ts';
import { zhejiangAdminRoutes } from './admin.ts';
import { answerApi, type HttpsExchange, type HttpsFaults } from './https-api.ts';
import { TaskBook } from './tasks.ts';
import { startZhejiangTcpSimulator } from './tcp-server.ts';
import type { ZhejiangSimulator } from './simulator.ts';

export type { ZhejiangSimulator } from './simulator.ts';

/**
 * The Zhejiang platform simulator, both halves on one host (issue 16 item 7): the TCP half
 * (tcp-server.ts: C_AUTH, heartbeats with queued taskids, sign-ins) and the HTTPS half
 * (https-api.ts: the §3 apicodes at one URL, tasks.ts' tasks and workers), sharing tokens, devices
 * and tasks. The HTTPS server also serves each worker's photo (the astronaut as a JPEG) and the
 * admin routes (admin.ts, `Authorization: Bearer <adminToken>`). TLS with a self-signed certificate
 * made at start for its host (subjectAltName IP:<host>; not signed by anyone: pin its fingerprint), unless `http` (tests) or `tls`.
 */
export interface ZhejiangSimulatorOptions {
  /** Loopback only. */
  readonly host?: string;
  readonly tcpPort?: number;
  readonly httpsPort?: number;
  /** Plain http instead of https (tests). */
  readonly http?: boolean;
  readonly tls?: TlsFiles;
  readonly accessId?: string;
  readonly accessKey?: string;
  readonly accessSecret?: string;
  readonly devices?: readonly string[];
  readonly adminToken?: string;
  readonly pageSize?: number;
  readonly codecOptions?: ZhejiangCodecOptions;
  readonly tokenIdleMs?: number;
  readonly now?: () => number;
}

/** The document's example device number (§2.1.4) and credentials shaped like its example (§2.1.4). */
export const DEFAULT_DEVICES = ['1388186'];
export const DEFAULT_CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
export const API_PATH = '/api/device';
const PHOTO_PATH = /^\/photos\/([0-9A-Za-z_-]{1,64})\.jpg$/;
const MAX_BODY = 8 * 1024 * 1024;

export async function startZhejiangSimulator(options: ZhejiangSimulatorOptions = {}): Promise<ZhejiangSimulator> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const { accessId, accessKey, accessSecret } = { ...DEFAULT_CREDENTIALS, ...pick(options) };
  const devices = options.devices ?? DEFAULT_DEVICES;
  const adminToken = options.adminToken ?? randomBytes(12).toString('hex');
  const codecOptions = options.codecOptions ?? DEFAULT_CODEC_OPTIONS;
  const made = options.http || options.tls ? undefined : selfSignedCertificate(host);
  const tls = options.http ? undefined : (options.tls ?? (made ? { key: made.key, cert: made.cert } : undefined));

  const tcp = await startZhejiangTcpSimulator({ host, ...(options.tcpPort !== undefined ? { port: options.tcpPort } : {}), accessId, accessKey, accessSecret, devices, codecOptions, ...(options.tokenIdleMs !== undefined ? { tokenIdleMs: options.tokenIdleMs } : {}), now });
  const tasks = new TaskBook();
  const faults: HttpsFaults = { http5xx: false, systemError: false, wrongSign: false };
  const exchanges: HttpsExchange[] = [];
  const stalled = new Set<ServerResponse>();
  let stalling = false;
  let photo: Buffer | undefined;
  let base = '';
  const ctx = {
    tcp,
    tasks,
    accessSecret,
    devices: new Set(devices),
    codecOptions,
    pageSize: options.pageSize ?? 10,
    imgUrlsKey: 'imgUrls' as 'imgUrls' | 'imgUrIs',
    photoUrl: (personId: string, broken: boolean) => `${base}/photos/${personId}${broken ? '-missing' : ''}.jpg`,
    faults,
    now,
  };

  const simulator: ZhejiangSimulator = {
    tcp,
    tcpAddress: `${tcp.host}:${tcp.port}`,
    apiUrl: '',
    url: '',
    accessId,
    accessKey,
    accessSecret,
    devices,
    adminToken,
    fingerprint256: made?.fingerprint256,
    tasks,
    faults,
    exchanges,
    signIns: tcp.signIns,
    statuses: tasks.statuses,
    uploads: tasks.uploads,
    queueTask(task) {
      const queued = tasks.add(task);
      tcp.queueTasks(queued.sn, [queued.taskid]);
      return queued;
    },
    setImgUrlsKey(key) {
      ctx.imgUrlsKey = key;
    },
    clearFaults() {
      faults.http5xx = faults.systemError = faults.wrongSign = false;
      tcp.restore();
      simulator.stall(false);
    },
    stall(on) {
      stalling = on;
      tcp.stall(on);
      if (!on) for (const res of stalled) res.destroy();
      if (!on) stalled.clear();
    },
    stalledRequests: () => stalled.size,
    close: async () => {
      for (const res of stalled) res.destroy();
      await Promise.all([server?.close(), tcp.close()]);
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const raw = await readBody(req, MAX_BODY);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (isAdminPath(url.pathname)) {
      const answer = handleAdmin(adminToken, zhejiangAdminRoutes(simulator), req.method ?? 'GET', url, req.headers.authorization, raw ?? Buffer.alloc(0));
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    const photoMatch = PHOTO_PATH.exec(url.pathname);
    if (req.method === 'GET' && photoMatch) {
      const worker = tasks.worker(photoMatch[1]!);
      if (!worker || worker.photo !== 'ok') return send(404, 'text/plain', 'not found');
      photo ??= astronautJpeg();
      return send(200, 'image/jpeg', photo);
    }
    if (url.pathname !== API_PATH) return send(404, 'text/plain', 'not found');
    if (req.method !== 'POST') {
      const answer = wrongMethodAnswer(req.method ?? 'GET', ['POST'], url.pathname, new Date(now()), req.headers.accept);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    if (stalling) {
      stalled.add(res);
      return;
    }
    // §1.2 / D21: POST application/json; anything else is Spring's 415.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      const answer = springError(415, url.pathname, new Date(now()), req.headers.accept);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    if (faults.http5xx) return send(503, 'text/html', '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
    if (raw === undefined) return send(413, 'text/plain', 'too large');
    const { body, exchange } = answerApi(ctx, raw.toString('utf8'));
    exchanges.push(exchange);
    send(200, JSON_TYPE, body);
  };
  let server: RunningServer | undefined;
  try {
    server = await startHttpServer({ name: 'zhejiang', host, port: options.httpsPort, tls, clock: () => new Date(now()) }, handle);
  } catch (error) {
    await tcp.close();
    throw error;
  }
  base = server.url;
  Object.assign(simulator, { url: server.url, apiUrl: `${server.url}${API_PATH}` });
  return simulator;
}

function pick(options: ZhejiangSimulatorOptions): Partial<typeof DEFAULT_CREDENTIALS> {
  return {
    ...(options.accessId !== undefined ? { accessId: options.accessId } : {}),
    ...(options.accessKey !== undefined ? { accessKey: options.accessKey } : {}),
    ...(options.accessSecret !== undefined ? { accessSecret: options.accessSecret } : {}),
  };
}
