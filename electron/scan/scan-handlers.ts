import type { ScanSuggestion, scanMethods } from '../../shared/contract/scan.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import { localSubnets } from './local-subnets.ts';
import type { ScanService } from './scan-service.ts';

/** The `scan.*` methods (shared/contract/scan.ts); `suggestion` is what the Scan page starts with (the demo's). */
export function scanHandlers(scans: ScanService, suggestion?: ScanSuggestion): AreaHandlers<typeof scanMethods> {
  return {
    'scan.interfaces': () => ({ subnets: localSubnets(), ...(suggestion ? { suggestion } : {}) }),
    'scan.start': ({ siteId, ...options }) => scans.start(siteId, options),
    'scan.cancel': ({ scanId }) => scans.cancel(scanId),
    'scan.list': ({ siteId }) => ({ scans: scans.list(siteId) }),
    'scan.results': ({ scanId }) => scans.results(scanId),
    'scan.hosts': ({ siteId }) => ({ hosts: scans.hosts(siteId) }),
    'scan.diff': ({ fromScanId, toScanId }) => scans.diff(fromScanId, toScanId),
  };
}
