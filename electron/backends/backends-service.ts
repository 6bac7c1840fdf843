import { ApiError } from '../../shared/contract/errors.ts';
import { normalizeBaseUrl, sameServerKey } from '../../shared/rules/base-url.ts';
import type { Backend, BackendId, BackendPerson, Capabilities, ConnectionTest, Inventory, InventoryPart, NewBackendSchema, UpdateBackendSchema } from '../../shared/contract/backends.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { z } from 'zod';
import type { EventBus } from '../api/event-bus.ts';
import type { BackendDriver, FaceCheck } from './backend.ts';
import { toApiError } from './driver-errors-to-api.ts';
import { readInventory } from './inventory-read.ts';
import { hasDriver, vendorModule, type VendorModule } from './vendors.ts';
import type { Logger } from '../log/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { BackendsTable } from '../store/backends-table.ts';
import type { InventoryTable } from '../store/inventory-table.ts';
import type { PersonRefsTable } from '../store/person-refs-table.ts';
import type { SitesTable } from '../store/sites-table.ts';

type Driver = ReturnType<VendorModule['create']>;

/**
 * Backends of a site: added with credentials sealed by the secret box, tested, their inventory
 * read and kept. Drivers are made on first use (their vendor's code is loaded then, see vendors.ts)
 * and kept open (keep-alive) until removed or closed. Every change is announced on the bus
 * (`backends.changed`, `inventory.changed`), so each window shows it at once (issue 12 item 8).
 */
export class BackendsService {
  private readonly drivers = new Map<BackendId, Driver>();
  private readonly store: BackendsTable;
  private readonly inventory: InventoryTable;
  private readonly sites: SitesTable;
  private readonly secrets: SecretBox;
  private readonly log: Logger;
  private readonly bus: EventBus;
  private readonly personRefs: PersonRefsTable | undefined;

  constructor(deps: { store: BackendsTable; inventory: InventoryTable; sites: SitesTable; secrets: SecretBox; log: Logger; bus: EventBus; personRefs?: PersonRefsTable }) {
    this.store = deps.store;
    this.inventory = deps.inventory;
    this.sites = deps.sites;
    this.secrets = deps.secrets;
    this.log = deps.log;
    this.bus = deps.bus;
    this.personRefs = deps.personRefs;
  }

  get(id: BackendId): Backend {
    const stored = this.store.get(id);
    if (!stored) throw notFound(id);
    return stored.backend;
  }

  list(siteId?: SiteId): Backend[] {
    return this.store.list(siteId).map((s) => s.backend);
  }

  add(input: z.output<typeof NewBackendSchema>): Backend {
    if (!this.sites.get(input.siteId)) throw new ApiError('site_not_found', `There is no site ${input.siteId}.`, { id: input.siteId });
    this.refuseSameServer(input.siteId, input.baseUrl, null);
    const credentials = input.credentials as Record<string, unknown>;
    const stored = this.store.insert(
      {
        siteId: input.siteId,
        vendor: input.vendor,
        name: input.name || `${input.vendor} ${new URL(input.baseUrl).host}`,
        baseUrl: input.baseUrl,
        tls: input.tls,
        credentialsSealed: this.secrets.seal(JSON.stringify(credentials)),
        credentialFields: Object.keys(credentials),
      },
      new Date().toISOString(),
    );
    this.log.info({ backend: stored.backend.id, vendor: input.vendor, baseUrl: input.baseUrl }, 'backend added');
    this.announce(stored.backend.siteId);
    return stored.backend;
  }

  async update(input: z.output<typeof UpdateBackendSchema>): Promise<Backend> {
    const stored = this.store.get(input.id);
    if (!stored) throw notFound(input.id);
    if (input.baseUrl !== undefined) this.refuseSameServer(stored.backend.siteId, input.baseUrl, input.id);
    if (input.credentials !== undefined) {
      // The new credentials must be the vendor's kind (a token for ZKBio, a key pair for Hongtu).
      const fieldsNow = [...stored.backend.credentialFields].sort().join(',');
      const fieldsNew = Object.keys(input.credentials).sort().join(',');
      if (hasDriver(stored.backend.vendor) && fieldsNow !== fieldsNew) {
        throw new ApiError('invalid_input', `A ${stored.backend.vendor} backend takes the credentials ${fieldsNow}.`, {
          issues: [{ path: ['credentials'], code: 'custom', message: 'invalid' }],
        });
      }
    }
    const updated = this.store.update(
      input.id,
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
        ...(input.tls !== undefined ? { tls: input.tls } : {}),
        ...(input.credentials !== undefined ? { credentialsSealed: this.secrets.seal(JSON.stringify(input.credentials)) } : {}),
      },
      new Date().toISOString(),
    );
    // The next call makes a driver with the new address, trust or credentials.
    await this.dropDriver(input.id);
    this.announce(updated.backend.siteId);
    return updated.backend;
  }

  /** The backend's own verdict on a face photo (a refusal comes back as advice, not as an error). */
  async checkFace(id: BackendId, bytes: Uint8Array): Promise<FaceCheck> {
    return guard(async () => (await this.driver(id)).checkFacePhoto({ bytes }));
  }

  async capabilities(id: BackendId): Promise<Capabilities> {
    return (await this.driver(id)).capabilities;
  }

  async remove(id: BackendId): Promise<{ id: BackendId }> {
    await this.dropDriver(id);
    const siteId = this.store.get(id)?.backend.siteId;
    if (siteId === undefined || !this.store.remove(id)) throw notFound(id);
    this.announce(siteId);
    return { id };
  }

  async test(id: BackendId): Promise<ConnectionTest> {
    const result = await (await this.driver(id)).testConnection();
    this.store.recordTest(id, result);
    this.log.info({ backend: id, verdict: result.verdict, cause: result.cause, latencyMs: result.latencyMs }, 'backend tested');
    this.announce(this.get(id).siteId);
    return result;
  }

  /**
   * The stored inventory; with `refresh`, read from the backend first, part by part: the parts read
   * are stored, a part that failed keeps what was stored and comes back in `partErrors`.
   */
  async inventoryOf(id: BackendId, refresh: boolean): Promise<Inventory | null> {
    if (!this.store.get(id)) throw notFound(id);
    if (!refresh) return this.inventory.load(id);
    const driver = await this.driver(id);
    const read = await guard(() => readInventory(driver));
    this.inventory.save(id, read.parts, new Date().toISOString());
    const stored = this.inventory.load(id);
    if (stored) this.bus.emit('inventory.changed', { backendId: id, inventory: stored });
    if (Object.keys(read.errors).length > 0) {
      this.log.warn({ backend: id, parts: Object.keys(read.errors) }, 'inventory parts not read');
      return stored && { ...stored, partErrors: read.errors };
    }
    return stored;
  }

  /** The people the backend holds, read from it now (the door test's walk-through picker). */
  async peopleOf(id: BackendId): Promise<{ people: BackendPerson[] }> {
    if (!this.store.get(id)) throw notFound(id);
    const driver = await this.driver(id);
    return { people: await guard(() => driver.listPeople()) };
  }

  /**
   * One endpoint of the vendor's document. A write that changes what the inventory lists (the
   * vendor's `inventoryEffects`: a wizard's new door, level or group) re-reads those parts and
   * announces the inventory, so no screen keeps showing the old one.
   */
  async call(id: BackendId, endpoint: string, params: Record<string, unknown>, force: boolean): Promise<{ data: unknown }> {
    const driver = await guard(() => this.driver(id));
    const data = await guard(async () => driver.callEndpoint(endpoint, params, { force }));
    const module = await vendorModule(driver.vendor);
    const parts = module?.inventoryEffects[endpoint];
    if (parts && parts.length > 0) await this.rereadParts(id, driver, parts);
    return { data };
  }

  /**
   * Reads these parts of the inventory now and stores them, when the backend can be reached; says
   * whether they were read. For a check that needs a list never read (the import's departments).
   */
  async readParts(id: BackendId, parts: readonly InventoryPart[]): Promise<boolean> {
    try {
      const driver = await this.driver(id);
      const read = await readInventory(driver, parts);
      if (Object.keys(read.errors).length > 0) return false;
      this.inventory.save(id, read.parts, new Date().toISOString());
    } catch (error) {
      this.log.warn({ backend: id, parts, error: error instanceof Error ? error.message : String(error) }, 'inventory parts not read');
      return false;
    }
    const stored = this.inventory.load(id);
    if (stored) this.bus.emit('inventory.changed', { backendId: id, inventory: stored });
    return true;
  }

  /** A backend's stored secrets, opened (the push receiver reads signed, encrypted deliveries with them). */
  credentialsOf(id: BackendId): Record<string, unknown> {
    const stored = this.store.get(id);
    if (!stored) throw notFound(id);
    return JSON.parse(this.secrets.open(stored.credentialsSealed)) as Record<string, unknown>;
  }

  /** The driver of a backend, for other services (door tests, sync, receivers…). */
  driverOf(id: BackendId): Promise<BackendDriver> {
    return this.driver(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.drivers.keys()].map((id) => this.dropDriver(id)));
  }

  /** The parts a write changed, read again and stored; a failed re-read leaves the write done and is logged. */
  private async rereadParts(id: BackendId, driver: Driver, parts: readonly InventoryPart[]): Promise<void> {
    try {
      const read = await readInventory(driver, parts);
      this.inventory.save(id, read.parts, new Date().toISOString());
    } catch (error) {
      this.log.warn({ backend: id, parts, error: error instanceof Error ? error.message : String(error) }, 'inventory not read again after a write');
      return;
    }
    const stored = this.inventory.load(id);
    if (stored) this.bus.emit('inventory.changed', { backendId: id, inventory: stored });
  }

  /**
   * One server is one backend of a site (issue 12 item 4): the same scheme, host and port as one
   * already there is refused with that one named, so the screen can open it instead.
   */
  private refuseSameServer(siteId: SiteId, baseUrl: string, except: BackendId | null): void {
    const key = sameServerKey(baseUrl);
    const existing = this.list(siteId).find((b) => b.id !== except && key !== null && sameServerKey(b.baseUrl) === key);
    if (!existing) return;
    throw new ApiError('backend_already_added', `${existing.baseUrl} is already the backend "${existing.name}" (${existing.id}) of this site.`, {
      id: existing.id,
      name: existing.name,
      baseUrl: existing.baseUrl,
    });
  }

  /** The site's backends as they are now, to every window. */
  private announce(siteId: SiteId): void {
    this.bus.emit('backends.changed', { siteId, backends: this.list(siteId) });
  }

  private async driver(id: BackendId): Promise<Driver> {
    const existing = this.drivers.get(id);
    if (existing) return existing;
    const { vendor } = this.get(id);
    const module = await vendorModule(vendor);
    if (!module) throw new ApiError('backend_unsupported', `Doorman has no ${vendor} driver yet.`, { vendor });
    // Read again after the load: another call may have made the driver, or the backend changed.
    const made = this.drivers.get(id);
    if (made) return made;
    const stored = this.store.get(id);
    if (!stored) throw notFound(id);
    // An address stored before addresses were checked (issue 12 item 5) is named, not an internal error.
    const address = normalizeBaseUrl(stored.backend.baseUrl);
    if (!address.ok) {
      throw new ApiError('backend_bad_address', `The stored address ${stored.backend.baseUrl} of backend ${id} is not a server address (${address.problem}).`, {
        id,
        baseUrl: stored.backend.baseUrl,
        problem: address.problem,
      });
    }
    const credentials = JSON.parse(this.secrets.open(stored.credentialsSealed)) as Record<string, unknown>;
    const driver = module.create({ baseUrl: address.url, tls: stored.tlsOptions, credentials, personRefs: this.personRefs?.of(id) });
    this.drivers.set(id, driver);
    return driver;
  }

  private async dropDriver(id: BackendId): Promise<void> {
    const driver = this.drivers.get(id);
    this.drivers.delete(id);
    await driver?.close();
  }
}

function notFound(id: BackendId): ApiError {
  return new ApiError('backend_not_found', `There is no backend ${id}.`, { id });
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toApiError(error);
  }
}
