import type { Vendor } from '../contract/backends.ts';

/**
 * Which vendors report, after a person is synced, whether each device took them: K30's `authstatus`
 * callback (k30.md §7.2 people.syncResultCallback, one per device of a people.sync; E35), which reaches Doorman only
 * through the callback receiver. ZKBio, Hongtu and the Zhejiang bridge report no per-device result.
 * The Sync page waits for these results on a person sent to such a backend (outbox.deviceResults).
 */
export const REPORTS_DEVICE_RESULTS: Readonly<Record<Vendor, boolean>> = { zkbio: false, hongtu: false, k30: true, zhejiang: false };
