import type { BridgeId, BridgeTestResult } from '../../shared/contract/bridges.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { checkConnection } from '../drivers/zhejiang/connection-check.ts';
import type { BridgeService } from './bridge-service.ts';
import { sessionConfig } from './session-config.ts';

/**
 * `bridge.test` (issue 16 items 5 and 6): the connection check of one device of the bridge (the
 * first unless `sn` names one) with the bridge's stored credentials and settings. ok when no step failed.
 */
export async function testBridge(bridges: BridgeService, bridgeId: BridgeId, sn?: string): Promise<BridgeTestResult> {
  const runtime = bridges.runtime(bridgeId);
  const device = sn === undefined ? runtime.devices[0] : runtime.devices.find((d) => d.sn === sn);
  if (!device) throw new ApiError('bridge_device_not_found', `Bridge ${bridgeId} has no device ${sn ?? ''}.`, { bridgeId, deviceId: sn ?? '?' });
  const { bridge } = runtime;
  const lines = await checkConnection({
    session: sessionConfig(runtime, device),
    url: bridge.httpsUrl,
    tls: runtime.tls,
  });
  return {
    bridgeId,
    sn: device.sn,
    ok: lines.every((line) => line.ok !== false),
    lines: lines.map((line) => ({ check: line.check, ok: line.ok ?? null, detail: line.detail, vendorCode: line.vendorCode ?? null, advice: line.advice ?? null, offsetMs: line.offsetMs ?? null })),
  };
}
