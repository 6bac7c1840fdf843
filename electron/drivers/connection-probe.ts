import type { ConnectionTest, Verdict } from '../../shared/contract/backends.ts';
import { DriverError, type LocalizedText } from './driver-error.ts';
import type { LastServer } from './endpoint-client.ts';
import { readPeerCertificate } from './http/peer-certificate.ts';
import { clockSkewFromDate, verdictOf } from './verdict.ts';

type Facts = Record<string, string | number | boolean>;

/** The backend a connection test probes. */
interface ProbeTarget {
  /** The vendor's client, for what the last reply said about the server. */
  readonly client: { readonly lastServer: LastServer | null };
  readonly baseUrl: URL;
  /** The product as the facts and the success message name it: `ZKBio CVSecurity`. */
  readonly product: string;
  /** Whether a TLS failure's facts include the certificate's subject (default true). */
  readonly certificateSubject?: boolean;
}

/** A verdict and its advice, as a vendor explains a failure further. */
interface Explained {
  readonly verdict: Verdict;
  readonly advice: LocalizedText | null;
}

/** What a vendor adds to the shared reading of a failure (e.g. telling a wrong key from a wrong clock). */
type Explain = (failure: { readonly error: DriverError | null; readonly verdict: Verdict; readonly advice: LocalizedText | null; readonly skew: number | null; readonly facts: Facts }) => Explained;

/**
 * The connection test every vendor runs: its `steps` (cheap reads that record facts) in order; the
 * product is named once the first is answered. A failure becomes a verdict (verdict.ts) with the
 * error's advice, which the vendor's `explain` may refine; a TLS failure adds the certificate the
 * server presents, so the user can compare and pin it. Latency, clock skew (from the last reply's
 * HTTP Date) and the Server header are reported either way.
 */
export async function probeConnection(target: ProbeTarget, steps: readonly ((facts: Facts) => Promise<void>)[], explain?: Explain): Promise<ConnectionTest> {
  const started = performance.now();
  const facts: Facts = {};
  const skew = (): number | null => {
    const server = target.client.lastServer;
    return server ? clockSkewFromDate(server.date, server.receivedAt) : null;
  };
  const finish = (verdict: Verdict, cause: string | null, message: string, advice: ConnectionTest['advice']): ConnectionTest => {
    const server = target.client.lastServer;
    if (server?.server) facts['httpServer'] = server.server;
    return { verdict, cause, message, advice, latencyMs: Math.round(performance.now() - started), facts, clockSkewMs: skew(), testedAt: new Date().toISOString() };
  };
  try {
    for (const [index, step] of steps.entries()) {
      await step(facts);
      if (index === 0) facts['product'] = target.product;
    }
    return finish('ok', null, `Connected to ${target.product}.`, null);
  } catch (error) {
    const driverError = error instanceof DriverError ? error : null;
    const shared: Explained = { verdict: verdictOf(error), advice: driverError?.advice ?? null };
    const { verdict, advice } = explain ? explain({ error: driverError, ...shared, skew: skew(), facts }) : shared;
    const { baseUrl } = target;
    if (verdict === 'tls' && baseUrl.protocol === 'https:') {
      const cert = await readPeerCertificate(baseUrl.hostname, Number(baseUrl.port || 443));
      if (cert) {
        facts['certificateSha256'] = cert.fingerprint256;
        if (target.certificateSubject ?? true) facts['certificateSubject'] = cert.subject;
        facts['certificateSelfSigned'] = cert.selfSigned;
      }
    }
    if (driverError?.code === 'vendor_error') facts['product'] = target.product;
    return finish(verdict, driverError?.code ?? 'unknown', error instanceof Error ? error.message : String(error), advice);
  }
}
