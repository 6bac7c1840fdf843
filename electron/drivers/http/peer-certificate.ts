import { connect } from 'node:tls';

interface PeerCertificate {
  readonly fingerprint256: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validTo: string;
  readonly selfSigned: boolean;
}

/**
 * Reads the certificate a TLS server presents without trusting it, so the user can compare its
 * fingerprint with the server's and pin it (LAN servers usually have a self-signed certificate).
 */
export function readPeerCertificate(host: string, port: number, timeoutMs = 5_000): Promise<PeerCertificate | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, servername: /^[\d.]+$/.test(host) ? undefined : host, rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert || !cert.fingerprint256) return resolve(null);
      const name = (x: Record<string, unknown> | undefined) => Object.entries(x ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ');
      resolve({
        fingerprint256: cert.fingerprint256,
        subject: name(cert.subject as unknown as Record<string, unknown>),
        issuer: name(cert.issuer as unknown as Record<string, unknown>),
        validTo: cert.valid_to,
        selfSigned: name(cert.subject as unknown as Record<string, unknown>) === name(cert.issuer as unknown as Record<string, unknown>),
      });
    });
    socket.on('error', () => resolve(null));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(null);
    });
  });
}
