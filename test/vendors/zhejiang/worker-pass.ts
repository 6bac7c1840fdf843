import type { AccessEvent } from '../../../shared/contract/backends.ts';

/**
 * A face pass of worker 1001 (张三) at `doorId`, as a backend's event list gives it (K30's event ids),
 * at `occurredAt` (the gate's wall clock, `yyyy-MM-dd HH:mm:ss`): what the Zhejiang attendance tests
 * store and expect as a C_SIGN_IN. `overrides` change any field.
 */
export function workerPass(eventNo: number, doorId: string, occurredAt: string, overrides: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId: `k30:${eventNo}`,
    occurredAt,
    kind: 'pass',
    doorId,
    doorName: null,
    deviceSerial: null,
    readerName: null,
    personPin: '1001',
    personName: '张三',
    verifyMode: '人脸',
    description: '人脸',
    photoUrl: null,
    result: 'passed',
    ...overrides,
  };
}
