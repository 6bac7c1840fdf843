import { connect } from 'node:net';

/**
 * Whether a server answers plain HTTP on a port (issue 12 item 7). An https:// address that points
 * at a plain-HTTP port fails in the TLS handshake (OpenSSL's "wrong version number", or the server
 * closing the connection on the ClientHello), which reads like a certificate problem although
 * there is no certificate. One plain request tells the two apart: an HTTP status line back means
 * the fix is http://, not a pin.
 */
export function speaksPlainHttp(host: string, port: number, timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const done = (answer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const hostHeader = host.includes(':') ? `[${host}]` : host;
    const socket = connect({ host, port }, () => {
      socket.write(`HEAD / HTTP/1.1\r\nHost: ${hostHeader}:${port}\r\nConnection: close\r\n\r\n`);
    });
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length >= 8) done(/^HTTP\/\d(\.\d)? \d{3}/.test(received.slice(0, 16)) || received.startsWith('HTTP/'));
    });
    socket.on('end', () => done(received.startsWith('HTTP/')));
    socket.on('error', () => done(false));
  });
}
