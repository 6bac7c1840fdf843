import { Socket } from 'node:net';

export interface RtspReply {
  readonly status: number;
  readonly server: string | null;
}

/**
 * RTSP `OPTIONS` (RFC 2326 §10.1): the one request every camera and panel stream server answers
 * without credentials; it changes nothing. Returns null when the port does not speak RTSP.
 */
export function rtspProbe(address: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<RtspReply | null> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let buffer = '';
    const finish = (result: RtspReply | null) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      socket.destroy();
      resolve(result);
    };
    const abort = () => finish(null);
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal.addEventListener('abort', abort, { once: true });
    socket.setEncoding('latin1');
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0 && buffer.length < 4096) return;
      const head = buffer.slice(0, end < 0 ? buffer.length : end);
      const status = /^RTSP\/1\.\d (\d{3})/.exec(head);
      const server = /^server:\s*(.{1,200})$/im.exec(head)?.[1]?.trim() ?? null;
      finish(status ? { status: Number(status[1]), server } : null);
    });
    socket.connect({ host: address, port }, () => {
      socket.write(`OPTIONS rtsp://${address}:${port}/ RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Doorman-scan\r\n\r\n`);
    });
  });
}
