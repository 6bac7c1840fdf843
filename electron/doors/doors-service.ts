import { hostname } from 'node:os';
import type { BackendId, Capabilities, Door, DoorMode } from '../../shared/contract/backends.ts';
import type { DoorAction, DoorActionKind, PanelDoor } from '../../shared/contract/doors.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import { doorStateWord } from '../../shared/rules/door-state-word.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { BackendDriver } from '../backends/backend.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import { toApiError } from '../backends/driver-errors-to-api.ts';
import type { Logger } from '../log/logger.ts';
import type { DoorActionsTable } from '../store/door-actions-table.ts';
import type { GuardSettingsTable } from '../store/guard-settings-table.ts';
import type { InventoryTable } from '../store/inventory-table.ts';

/**
 * ZKBio's document asks door-state callers not to poll more often than every 10 s (its driver's poll
 * limiter refuses faster reads); a second more, so timer jitter never lands a read inside the limit.
 */
export const DOOR_STATE_POLL_MS = 11_000;

interface DoorsDeps {
  readonly table: DoorActionsTable;
  readonly backends: BackendsService;
  readonly inventory: InventoryTable;
  readonly guard: GuardSettingsTable;
  readonly bus: EventBus;
  readonly log: Logger;
  readonly station?: string;
  readonly now?: () => Date;
}

/** The actions a backend with these capabilities supports, in the panel's order. */
export function doorActionsOf(capabilities: Capabilities): DoorActionKind[] {
  const actions: DoorActionKind[] = ['open'];
  if (capabilities.closeDoor) actions.push('close');
  if (capabilities.doorModes.includes('normally-open')) actions.push('normally-open');
  if (capabilities.doorModes.includes('normally-closed')) actions.push('normally-closed');
  if (capabilities.doorModes.includes('restore')) actions.push('normal');
  return actions;
}

/**
 * The guard room's doors (issue 15 item 2): every door of the site's backends as the stored
 * inventory lists it, its state, the actions its backend can do; open / close / mode changes,
 * each written to the audit log before the backend is called and updated with the result, and
 * announced on the bus (`doors.action`). While a site's doors are shown, their states are read
 * again every 10 s at most (ZKBio's limit, kept by the driver's poll limiter too) and a change is
 * announced (`doors.state`), so the page never polls the core.
 */
export class DoorsService {
  private readonly deps: DoorsDeps;
  private readonly station: string;
  private readonly now: () => Date;
  /** The last word shown per door, by `backendId/doorId`. */
  private readonly words = new Map<string, string>();
  private watched: SiteId | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling = false;

  constructor(deps: DoorsDeps) {
    this.deps = deps;
    this.station = deps.station ?? hostname();
    this.now = deps.now ?? (() => new Date());
  }

  /** The site's doors; from now on their states are followed (one site at a time). */
  async list(siteId: SiteId): Promise<{ doors: PanelDoor[] }> {
    const doors: PanelDoor[] = [];
    for (const backend of this.deps.backends.list(siteId)) {
      const stored = this.deps.inventory.load(backend.id)?.doors ?? [];
      const actions = await this.actionsOf(backend.id);
      for (const door of stored) doors.push(this.panelDoor(backend.id, backend.name, door, actions));
    }
    for (const door of doors) this.words.set(`${door.backendId}/${door.doorId}`, door.state);
    this.follow(siteId);
    return { doors };
  }

  open(backendId: BackendId, doorId: string, seconds: number): Promise<DoorAction> {
    return this.act(backendId, doorId, 'open', seconds, (driver) => driver.openDoor(doorId, seconds));
  }

  async close(backendId: BackendId, doorId: string): Promise<DoorAction> {
    return this.act(backendId, doorId, 'close', null, (driver) => driver.closeDoor(doorId));
  }

  setMode(backendId: BackendId, doorId: string, mode: 'normally-open' | 'normally-closed' | 'normal'): Promise<DoorAction> {
    const driverMode: DoorMode = mode === 'normal' ? 'restore' : mode;
    return this.act(backendId, doorId, mode, null, (driver) => driver.setDoorMode(doorId, driverMode));
  }

  actions(siteId: SiteId, from: string | undefined, to: string | undefined, limit: number): { actions: DoorAction[] } {
    return { actions: this.deps.table.list(siteId, { from, to, limit }) };
  }

  /** Reads the followed site's door states once and announces the doors whose state changed. */
  async pollOnce(): Promise<void> {
    const siteId = this.watched;
    if (siteId === null || this.polling) return;
    this.polling = true;
    try {
      for (const backend of this.deps.backends.list(siteId)) {
        let doors: Door[];
        try {
          doors = await (await this.deps.backends.driverOf(backend.id)).listDoors({ withState: true });
        } catch (error) {
          // Too soon for ZKBio, out of reach: the stored states stand; the event streams say why.
          this.deps.log.debug({ backend: backend.id, error: error instanceof Error ? error.message : String(error) }, 'door states not read');
          continue;
        }
        const actions = await this.actionsOf(backend.id);
        for (const door of doors) {
          const panel = this.panelDoor(backend.id, backend.name, door, actions);
          const key = `${backend.id}/${door.id}`;
          if (this.words.get(key) === panel.state) continue;
          this.words.set(key, panel.state);
          this.deps.bus.emit('doors.state', { siteId, door: panel });
        }
      }
    } finally {
      this.polling = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watched = null;
  }

  private follow(siteId: SiteId): void {
    this.watched = siteId;
    if (this.timer) return;
    this.timer = setInterval(() => void this.pollOnce(), DOOR_STATE_POLL_MS);
    // The CLI lists doors and exits: following them never keeps a process alive.
    this.timer.unref();
  }

  private panelDoor(backendId: BackendId, backendName: string, door: Door, actions: DoorActionKind[]): PanelDoor {
    return { backendId, backendName, doorId: door.id, name: door.name, state: doorStateWord(door.state), stateText: door.state?.text ?? null, actions };
  }

  private async actionsOf(backendId: BackendId): Promise<DoorActionKind[]> {
    try {
      return doorActionsOf(await this.deps.backends.capabilities(backendId));
    } catch {
      return ['open'];
    }
  }

  private async act(backendId: BackendId, doorId: string, action: DoorActionKind, seconds: number | null, run: (driver: BackendDriver) => Promise<void>): Promise<DoorAction> {
    const backend = this.deps.backends.get(backendId);
    const driver = await this.deps.backends.driverOf(backendId);
    if (!doorActionsOf(driver.capabilities).includes(action)) {
      const note = driver.capabilities.notes[action === 'close' ? 'closeDoor' : 'doorModes'];
      const advice = note ?? { en: 'Use an action the doors panel offers for this door.', 'zh-CN': '请使用门面板为此门提供的操作。' };
      throw new ApiError('door_action_unsupported', `${backend.name} cannot do "${action}" on a door: ${advice.en}`, { action, backendId, advice });
    }
    const door = this.deps.inventory.load(backendId)?.doors.find((d) => d.id === doorId) ?? null;
    let row = this.deps.table.start(
      { siteId: backend.siteId, backendId, doorId, doorName: door?.name ?? null, action, seconds, station: this.station, guard: this.deps.guard.get().guardName || null },
      this.now().toISOString(),
    );
    this.deps.bus.emit('doors.action', { siteId: backend.siteId, action: row });
    try {
      await run(driver);
    } catch (error) {
      const apiError = toApiError(error);
      const code = apiError instanceof ApiError ? apiError.code : 'internal';
      row = this.deps.table.finish(row.id, this.now().toISOString(), { code, message: apiError instanceof Error ? apiError.message : String(apiError) });
      this.deps.bus.emit('doors.action', { siteId: backend.siteId, action: row });
      this.deps.log.warn({ backend: backendId, door: doorId, action, code }, 'door action failed');
      throw apiError;
    }
    row = this.deps.table.finish(row.id, this.now().toISOString(), null);
    this.deps.bus.emit('doors.action', { siteId: backend.siteId, action: row });
    this.deps.log.info({ backend: backendId, door: doorId, action, station: this.station }, 'door action done');
    return row;
  }
}
