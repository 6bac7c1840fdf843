import type { BridgeDeviceId, BridgeDeviceState } from '../../shared/contract/bridges.ts';

type Acknowledged = NonNullable<BridgeDeviceState['acknowledged']>;

/** What the tally needs of a record the platform acknowledged. */
interface AcknowledgedRecord {
  readonly deviceId: BridgeDeviceId;
  readonly personId: string;
  readonly recordTime: number;
}

/**
 * The sign-ins the platform acknowledged per device since the bridge started (issue 16 item 5: the
 * user sees a pass arrive at the platform): a count and the last one, with the Doorman person's
 * name where it is known. Kept in memory by the runner: the queue deletes an acknowledged record.
 */
export class AcknowledgedSignins {
  private readonly byDevice = new Map<BridgeDeviceId, Acknowledged>();
  private readonly nameOf: (deviceId: BridgeDeviceId, personId: string) => string | null;

  constructor(nameOf: (deviceId: BridgeDeviceId, personId: string) => string | null) {
    this.nameOf = nameOf;
  }

  /** The platform acknowledged this record at `atMs`. */
  note(record: AcknowledgedRecord, atMs: number): void {
    const before = this.of(record.deviceId);
    let personName: string | null;
    try {
      personName = this.nameOf(record.deviceId, record.personId);
    } catch {
      personName = null; // a name is a nicety: the count still holds
    }
    this.byDevice.set(record.deviceId, {
      count: before.count + 1,
      last: { personId: record.personId, personName, recordTime: record.recordTime, acknowledgedAt: atMs },
    });
  }

  of(deviceId: BridgeDeviceId): Acknowledged {
    return this.byDevice.get(deviceId) ?? { count: 0, last: null };
  }
}
