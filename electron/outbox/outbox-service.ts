import { ApiError } from '../../shared/contract/errors.ts';
import type { OutboxEntry } from '../../shared/contract/people.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { DeviceResult } from '../../shared/contract/device-results.ts';
import type { DeviceSyncResultsTable } from '../store/device-sync-results-table.ts';
import type { OutboxTable } from '../store/outbox-table.ts';

/**
 * The outbox as people see it (the Sync page): list, send again, give up, and what the backends
 * reported per device afterwards (K30's authstatus callbacks). The sync engine does the sending.
 */
export class OutboxService {
  private readonly table: OutboxTable;
  private readonly results: DeviceSyncResultsTable | undefined;

  constructor(table: OutboxTable, results?: DeviceSyncResultsTable) {
    this.table = table;
    this.results = results;
  }

  /** The latest per-device results on the site's backends, newest first. */
  deviceResults(siteId: SiteId): DeviceResult[] {
    return this.results?.list(siteId) ?? [];
  }

  list(filter: { siteId?: SiteId | undefined; state?: OutboxEntry['state'] | undefined }): OutboxEntry[] {
    return this.table.list(filter);
  }

  /** Sends the entry again now. A cancelled write stays cancelled: retrying one would resend an old change (or one a person gave up on). */
  retry(id: number): OutboxEntry {
    if (this.table.get(id)?.entry.state === 'cancelled') {
      throw new ApiError('outbox_cancelled', `Outbox entry ${id} was cancelled and cannot be retried.`, { id });
    }
    return entryOrFail(this.table.retry(id, new Date().toISOString()), id);
  }

  cancel(id: number): OutboxEntry {
    return entryOrFail(this.table.cancel(id, new Date().toISOString()), id);
  }
}

function entryOrFail(entry: OutboxEntry | undefined, id: number): OutboxEntry {
  if (!entry) throw new ApiError('invalid_input', `Outbox entry ${id} cannot change now.`, { issues: [{ path: ['id'], code: 'custom', message: 'invalid' }] });
  return entry;
}
