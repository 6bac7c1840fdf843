import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';

export interface SelfSigned {
  readonly key: string;
  readonly cert: string;
  readonly fingerprint256: string;
}

/** A throwaway self-signed certificate for `ip` (127.0.0.1 by default), like a LAN server's (made with openssl). */
export function selfSignedCertificate(ip = '127.0.0.1'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=zkbio.test', '-addext', `subjectAltName=IP:${ip}`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert, fingerprint256: new X509Certificate(cert).fingerprint256 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
