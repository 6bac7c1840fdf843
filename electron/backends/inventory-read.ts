import { ApiError, type ApiErrorBody } from '../../shared/contract/errors.ts';
import type { InventoryPart } from '../../shared/contract/backends.ts';
import { LIST_LIMITS } from '../../shared/rules/list-limits.ts';
import { DriverError, WHOLE_BACKEND_FAILURES } from '../drivers/driver-error.ts';
import type { InventoryParts } from '../store/inventory-table.ts';
import type { BackendDriver } from './backend.ts';
import { toApiError } from './driver-errors-to-api.ts';


interface InventoryRead {
  /** The parts read; a failed part is absent (the store keeps what it had). */
  readonly parts: Partial<InventoryParts>;
  /** Each failed part's error, as the API carries it. */
  readonly errors: Partial<Record<InventoryPart, ApiErrorBody>>;
}

/**
 * A backend's inventory, part by part (issue 11 item 17): devices, doors, readers, access levels
 * and departments are read one after another, and a part whose reply fails (a bad or refused
 * reply, a list past the limits) is that part's error while the others are read and kept. A
 * backend that cannot be reached or refuses the credentials fails the whole read at once (no
 * point waiting out five timeouts), and so does one where no part could be read.
 */
export async function readInventory(driver: BackendDriver, only?: readonly InventoryPart[]): Promise<InventoryRead> {
  const readers: { readonly [P in InventoryPart]: () => Promise<InventoryParts[P]> } = {
    devices: () => driver.listDevices(),
    // With their state: what an installer checks first (issue 12 item 15).
    doors: () => driver.listDoors({ withState: true }),
    readers: () => driver.listReaders(),
    accessLevels: () => driver.listAccessLevels(),
    departments: () => driver.listDepartments(),
  };
  const parts: Partial<Record<InventoryPart, unknown[]>> = {};
  const errors: Partial<Record<InventoryPart, ApiErrorBody>> = {};
  let first: unknown = null;
  // `only`: the parts a write just changed (BackendsService.call), not the whole inventory again.
  for (const part of (Object.keys(readers) as InventoryPart[]).filter((p) => !only || only.includes(p))) {
    try {
      const items = await readers[part]();
      // Several lists may make one part (Hongtu's pass groups of three person types).
      if (items.length > LIST_LIMITS.maxRows) throw overLimit(driver, part, items.length);
      parts[part] = items;
    } catch (error) {
      if (error instanceof DriverError && WHOLE_BACKEND_FAILURES.has(error.code)) throw error;
      first ??= error;
      errors[part] = bodyOf(error);
    }
  }
  if (Object.keys(parts).length === 0) throw first;
  return { parts: parts as Partial<InventoryParts>, errors };
}

function bodyOf(error: unknown): ApiErrorBody {
  const api = toApiError(error);
  return (api instanceof ApiError ? api : new ApiError('internal', error instanceof Error ? error.message : String(error))).toBody();
}

function overLimit(driver: BackendDriver, part: InventoryPart, rows: number): DriverError {
  return new DriverError('list_too_long', `${part}: ${rows} rows, past Doorman's limit of ${LIST_LIMITS.maxRows.toLocaleString('en')}.`, {
    vendor: driver.vendor,
    details: { maxRows: LIST_LIMITS.maxRows, rowsRead: rows },
    advice: {
      en: `The backend lists ${rows.toLocaleString('en')} ${part}, past Doorman's limit of ${LIST_LIMITS.maxRows.toLocaleString('en')} rows; none of them were kept.`,
      'zh-CN': `后台列出了 ${rows} 条${part}，超出 Doorman 的上限（${LIST_LIMITS.maxRows} 条），均未保存。`,
    },
  });
}
