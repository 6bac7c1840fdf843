import type { ScanService, SystemKind } from '../../../../shared/contract/scan.ts';
import { FORM_VENDORS, type FormVendor } from '../backends/backend-form-check.ts';

/** What the Backends page's add form starts from when a scan found the backend. */
interface BackendDraft {
  readonly vendor: FormVendor;
  readonly baseUrl: string;
  readonly name: string;
}

/** Why a found service cannot be added as a backend: a catalog key under `scanPage.why.` */
type NoBackendReason = 'noDriver' | 'device' | 'unknown' | 'noUrl';

type Commissioning = { readonly ok: true; readonly draft: BackendDraft } | { readonly ok: false; readonly reason: NoBackendReason };

/** Kinds that are devices, added through the backend that manages them rather than on their own. */
const DEVICE_KINDS: readonly SystemKind[] = ['face-panel', 'camera', 'controller'];

function isFormVendor(kind: SystemKind): kind is FormVendor {
  return (FORM_VENDORS as readonly string[]).includes(kind);
}

/**
 * Whether a found service can be commissioned here: a system Doorman has a driver (and an add form)
 * for, with a web address. `nameFor` suggests the backend's name ("ZKBio 10.0.0.5").
 */
export function commissioningOf(service: ScanService, nameFor: (vendor: FormVendor) => string): Commissioning {
  if (isFormVendor(service.kind)) {
    if (service.baseUrl === null) return { ok: false, reason: 'noUrl' };
    return { ok: true, draft: { vendor: service.kind, baseUrl: service.baseUrl, name: nameFor(service.kind).slice(0, 80) } };
  }
  if (service.kind === 'unknown') return { ok: false, reason: 'unknown' };
  return { ok: false, reason: DEVICE_KINDS.includes(service.kind) ? 'device' : 'noDriver' };
}

/** `0.904` → `90`. */
export function percent(confidence: number): number {
  return Math.round(confidence * 100);
}

/** Round-trip time as shown: one decimal below 10 ms, whole milliseconds above. */
export function formatRtt(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
