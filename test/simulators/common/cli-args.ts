import { readFileSync } from 'node:fs';
import type { ParseArgsOptionsConfig } from 'node:util';
import { selfSignedCertificate } from '../../support/tls-cert.ts';
import type { TlsFiles } from './http-server.ts';

/**
 * The arguments every simulator's command line takes (a vendor spreads SERVE_ARGS into its
 * parseArgs options and adds its own):
 *   --host 127.x.y.z (default 127.0.0.1; the server refuses anything but loopback)
 *   --port N (default 0: any free port)
 *   --tls | --tls-key k.pem --tls-cert c.pem
 *   --empty (an empty site instead of the demo one)
 * --tls makes a throwaway self-signed certificate (openssl; subjectAltName IP:127.0.0.1 — pin its
 * fingerprint on other hosts).
 */
export const SERVE_ARGS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '0' },
  tls: { type: 'boolean', default: false },
  'tls-key': { type: 'string' },
  'tls-cert': { type: 'string' },
  empty: { type: 'boolean', default: false },
} as const satisfies ParseArgsOptionsConfig;

export function portArg(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${text}`);
  return port;
}

export interface TlsArgs {
  readonly tls?: boolean | undefined;
  readonly 'tls-key'?: string | undefined;
  readonly 'tls-cert'?: string | undefined;
}

export interface Launch<Options> {
  readonly options: Options;
  /** Of the certificate --tls made. */
  readonly fingerprint256?: string;
}

/** The simulator's options with the certificate the arguments name or ask for. */
export function withTls<Options extends object>(options: Options, args: TlsArgs): Launch<Options & { tls?: TlsFiles }> {
  const keyFile = args['tls-key'];
  const certFile = args['tls-cert'];
  if (keyFile !== undefined || certFile !== undefined) {
    if (keyFile === undefined || certFile === undefined) throw new Error('--tls-key and --tls-cert go together');
    return { options: { ...options, tls: { key: readFileSync(keyFile), cert: readFileSync(certFile) } } };
  }
  if (args.tls) {
    const cert = selfSignedCertificate();
    return { options: { ...options, tls: { key: cert.key, cert: cert.cert } }, fingerprint256: cert.fingerprint256 };
  }
  return { options };
}
