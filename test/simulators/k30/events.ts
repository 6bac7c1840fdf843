import type { CallbackSender } from './callbacks.ts';
import { SYNC_FAIL_MSG, SYNC_OK_MSG, authstatusPayload, uploadRecordPayload } from './callback-payloads.ts';
import type { SyncResult } from './callback-payloads.ts';
import type { Faults } from './faults.ts';
import type { PassRecord, SimState } from './state.ts';

/**
 * What the installation reports by itself, after the API has answered: a new pass record (a
 * walk-through, a remote open's mode 11 record) goes out as an `UploadRecord` callback; a
 * people.sync becomes one result per device, kept (`syncResults`, oldest first, at most
 * `maxResults`) and sent as an `authstatus` callback each.
 *
 * A device's result, the simulator's choice (the document gives only the two messages): online →
 * `resultcode "1"`, `上报成功`; offline, or the `sync-result-fail` fault → `"0"`, `上报失败`.
 * Records of the seed are not reported: they happened before the callback URL could be set.
 */
export class InstallationEvents {
  readonly syncResults: SyncResult[] = [];
  private readonly state: SimState;
  private readonly faults: Faults;
  private readonly callbacks: CallbackSender;
  private readonly maxResults: number;
  private readonly snapshotUrl: (record: PassRecord) => string;

  constructor(state: SimState, faults: Faults, callbacks: CallbackSender, snapshotUrl: (record: PassRecord) => string = () => '', maxResults = 100_000) {
    this.snapshotUrl = snapshotUrl;
    this.state = state;
    this.faults = faults;
    this.callbacks = callbacks;
    this.maxResults = maxResults;
  }

  passRecord(record: PassRecord): void {
    this.callbacks.send('UploadRecord', record.no, uploadRecordPayload(record, this.state, this.callbacks.current.recordForm, this.snapshotUrl(record)));
  }

  /** The per-device results of pushing person `no` to `deviceNos`. */
  synced(no: string, deviceNos: readonly string[]): SyncResult[] {
    const results = deviceNos.map((deviceno): SyncResult => {
      const online = this.state.devices.get(deviceno)?.online === true;
      const ok = online && !this.faults.take('sync-result-fail');
      return { no, deviceno, resultcode: ok ? '1' : '0', msg: ok ? SYNC_OK_MSG : SYNC_FAIL_MSG };
    });
    this.syncResults.push(...results);
    if (this.syncResults.length > this.maxResults) this.syncResults.splice(0, this.syncResults.length - this.maxResults);
    for (const result of results) this.callbacks.send('authstatus', `${result.no}@${result.deviceno}`, authstatusPayload(result));
    return results;
  }
}
