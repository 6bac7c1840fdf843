import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptData, sign } from '../../../../electron/drivers/k30/sign.ts';

/**
 * A tiny third-party receiver for the K30 simulator's callbacks (seed 000 §7), on loopback: it keeps
 * every request as it came and answers `status` (200 unless changed). `open` reads a callback with
 * electron/drivers/k30/sign.ts: decrypts `data` with the company number and checks `sign` over
 * `companyno`, `data` (plaintext), `method`, `timestamp`.
 */
export interface ReceivedCallback {
  readonly method: string;
  readonly contentType: string | undefined;
  readonly raw: string;
}

export interface OpenedCallback {
  readonly keys: string[];
  readonly method: string;
  readonly companyno: string;
  readonly timestamp: string;
  readonly payload: Record<string, unknown>;
  readonly signed: boolean;
}

export interface CallbackReceiver {
  readonly url: string;
  readonly received: ReceivedCallback[];
  status: number;
  close(): Promise<void>;
}

export async function startCallbackReceiver(path = '/k30/callback'): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const receiver = { status: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', contentType: req.headers['content-type'], raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.status, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  });
}

export function openCallback(raw: string, companyNo: string): OpenedCallback {
  const envelope = JSON.parse(raw) as Record<string, string>;
  const { companyno = '', method = '', timestamp = '', data = '' } = envelope;
  const json = decryptData(data, companyNo);
  const signed = sign({ companyno, data: json, method, timestamp }, companyNo) === envelope['sign'];
  return { keys: Object.keys(envelope), method, companyno, timestamp, payload: JSON.parse(json) as Record<string, unknown>, signed };
}
