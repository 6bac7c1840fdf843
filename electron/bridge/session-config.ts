import type { DeviceSessionConfig } from '../drivers/zhejiang/device-session.ts';
import type { BridgeDevice } from '../../shared/contract/bridges.ts';
import type { BridgeRuntime } from './bridge-service.ts';

/** One device's TCP session settings, from its bridge's stored address, credentials and settings (runner and `bridge.test`). */
export function sessionConfig(runtime: BridgeRuntime, device: BridgeDevice): Omit<DeviceSessionConfig, 'onState' | 'onTaskIds' | 'tuning' | 'logger'> {
  const { bridge, credentials, settings } = runtime;
  return {
    host: bridge.tcpHost,
    port: bridge.tcpPort,
    sn: device.sn,
    ...credentials,
    deviceVersion: settings.deviceVersion,
    codecOptions: settings.codec,
    layout: settings.layout,
    maxFrameBytes: settings.maxFrameBytes,
    heartbeatSeconds: settings.heartbeatMs / 1000,
  };
}
