import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { Site, SitesState } from '../../../shared/contract/sites.ts';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import type { Transport } from '../../../renderer/src/api/transport.ts';
import { createSitesStore, currentSiteTimeZone } from '../../../renderer/src/stores/sites.ts';

/**
 * An in-memory stand-in for the core at the far end of the transport: keeps sites, answers the
 * sites.* methods as the contract says, and pushes `sites.changed` after each change.
 */
class FakeCore implements Transport {
  readonly kind = 'websocket' as const;
  sites: Site[] = [];
  currentSiteId: number | null = null;
  calls: string[] = [];
  /** Hold every reply until `release()`, to order events against replies. */
  hold = false;
  private held: (() => void)[] = [];
  private nextId = 1;
  private clock = Date.parse('2026-03-04T05:06:07.000Z');
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  addSite(name: string): Site {
    const at = new Date((this.clock += 1000)).toISOString();
    const site: Site = { id: this.nextId++, name, address: '', timeZone: 'Asia/Shanghai', createdAt: at, updatedAt: at };
    this.sites.push(site);
    return site;
  }

  state(): SitesState {
    return { sites: this.sites.map((s) => ({ ...s })), currentSiteId: this.currentSiteId };
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const go of held) go();
  }

  invoke(method: string, input: unknown): Promise<Reply> {
    this.calls.push(method);
    const reply = this.answer(method, input as Record<string, unknown>);
    if (!this.hold) return Promise.resolve(reply);
    return new Promise((resolve) => this.held.push(() => resolve(reply)));
  }

  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private answer(method: string, input: Record<string, unknown>): Reply {
    const fail = (error: ApiErrorBody): Reply => ({ ok: false, error });
    const notFound = (id: unknown) => fail({ code: 'site_not_found', message: 'No such site.', details: { id } });
    switch (method) {
      case 'sites.list':
        return { ok: true, output: this.state() };
      case 'sites.create': {
        const name = String(input['name']).trim();
        if (this.sites.some((s) => s.name === name)) {
          return fail({ code: 'site_name_taken', message: `A site named "${name}" already exists.`, details: { name } });
        }
        const site = this.addSite(name);
        this.changed();
        return { ok: true, output: site };
      }
      case 'sites.rename': {
        const name = String(input['name']).trim();
        const site = this.sites.find((s) => s.id === input['id']);
        if (!site) return notFound(input['id']);
        if (this.sites.some((s) => s.name === name && s.id !== site.id)) {
          return fail({ code: 'site_name_taken', message: `A site named "${name}" already exists.`, details: { name } });
        }
        site.name = name;
        this.changed();
        return { ok: true, output: { ...site } };
      }
      case 'sites.setTimeZone': {
        const site = this.sites.find((s) => s.id === input['id']);
        if (!site) return notFound(input['id']);
        const timeZone = String(input['timeZone']);
        if (timeZone.startsWith('Mars/')) return fail({ code: 'site_time_zone_unknown', message: `No such time zone: "${timeZone}".`, details: { timeZone } });
        site.timeZone = timeZone;
        this.changed();
        return { ok: true, output: { ...site } };
      }
      case 'sites.remove': {
        const id = input['id'];
        if (!this.sites.some((s) => s.id === id)) return notFound(id);
        this.sites = this.sites.filter((s) => s.id !== id);
        if (this.currentSiteId === id) this.currentSiteId = null;
        this.changed();
        return { ok: true, output: { id } };
      }
      case 'sites.select': {
        const id = input['id'] as number | null;
        if (id !== null && !this.sites.some((s) => s.id === id)) return notFound(id);
        this.currentSiteId = id;
        this.changed();
        return { ok: true, output: { currentSiteId: id } };
      }
      default:
        return fail({ code: 'unknown_method', message: `No method ${method}.`, details: { method } });
    }
  }

  // Like the core: every window hears about every change (here, right away, before the reply).
  private changed(): void {
    this.emit('sites.changed', this.state());
  }
}

function setup() {
  const core = new FakeCore();
  const store = createSitesStore(new ApiClient(core));
  return { core, store, state: () => store.getState() };
}

describe('sites store', () => {
  it('loads the sites and the current site', async () => {
    const { core, state } = setup();
    const a = core.addSite('Hangzhou Block 3');
    core.addSite('Ningbo Port');
    core.currentSiteId = a.id;

    expect(state().loaded).toBe(false);
    const loading = state().load();
    expect(state().loading).toBe(true);
    await loading;

    expect(state().loading).toBe(false);
    expect(state().loaded).toBe(true);
    expect(state().sites.map((s) => s.name)).toEqual(['Hangzhou Block 3', 'Ningbo Port']);
    expect(state().currentSiteId).toBe(a.id);
    expect(state().error).toBeNull();
  });

  it('keeps a failed load as the error body', async () => {
    const { core, state } = setup();
    core.invoke = () =>
      Promise.resolve({ ok: false, error: { code: 'transport_closed', message: 'The connection was lost.' } });

    await state().load();

    expect(state().loaded).toBe(false);
    expect(state().loading).toBe(false);
    expect(state().error).toEqual({
      action: 'load',
      siteId: null,
      body: { code: 'transport_closed', message: 'The connection was lost.' },
    });
  });

  it('creates a site and shows it without waiting for the event', async () => {
    const { core, state } = setup();
    await state().load();

    const site = await state().create('  Shaoxing Bridge  ');

    expect(site).toMatchObject({ name: 'Shaoxing Bridge' });
    expect(state().sites.map((s) => s.name)).toEqual(['Shaoxing Bridge']);
    expect(core.sites).toHaveLength(1);
    expect(state().error).toBeNull();
  });

  it('keeps site_name_taken from a rename as the error body, with the site it was for', async () => {
    const { core, state } = setup();
    core.addSite('Alpha');
    const beta = core.addSite('Beta');
    await state().load();

    const renamed = await state().rename(beta.id, 'Alpha');

    expect(renamed).toBeNull();
    expect(state().error).toEqual({
      action: 'rename',
      siteId: beta.id,
      body: { code: 'site_name_taken', message: 'A site named "Alpha" already exists.', details: { name: 'Alpha' } },
    });
    expect(state().sites.map((s) => s.name)).toEqual(['Alpha', 'Beta']);

    // The next action starts clean.
    expect(await state().rename(beta.id, 'Gamma')).toMatchObject({ id: beta.id, name: 'Gamma' });
    expect(state().error).toBeNull();
    expect(state().sites.map((s) => s.name)).toEqual(['Alpha', 'Gamma']);
  });

  it('keeps site_name_taken from a create with its details', async () => {
    const { core, state } = setup();
    core.addSite('Alpha');
    await state().load();

    expect(await state().create('Alpha')).toBeNull();
    expect(state().error?.action).toBe('create');
    expect(state().error?.body.code).toBe('site_name_taken');
    expect(state().error?.body.details).toEqual({ name: 'Alpha' });
  });

  it('removes a site, and the current site with it', async () => {
    const { core, state } = setup();
    const a = core.addSite('Alpha');
    const b = core.addSite('Beta');
    core.currentSiteId = a.id;
    await state().load();

    expect(await state().remove(a.id)).toBe(true);

    expect(state().sites.map((s) => s.id)).toEqual([b.id]);
    expect(state().currentSiteId).toBeNull();
  });

  it('refreshes the list when the site is already gone', async () => {
    const { core, state } = setup();
    const a = core.addSite('Alpha');
    await state().load();
    core.sites = []; // deleted elsewhere; this store did not hear about it

    expect(await state().remove(a.id)).toBe(false);
    expect(state().error).toMatchObject({ action: 'remove', siteId: a.id, body: { code: 'site_not_found' } });

    await settle();
    expect(core.calls.filter((m) => m === 'sites.list')).toHaveLength(2);
    expect(state().sites).toEqual([]);
  });

  it('selects a site, and none', async () => {
    const { core, state } = setup();
    const a = core.addSite('Alpha');
    await state().load();

    expect(await state().select(a.id)).toBe(true);
    expect(state().currentSiteId).toBe(a.id);
    expect(core.currentSiteId).toBe(a.id);

    expect(await state().select(null)).toBe(true);
    expect(state().currentSiteId).toBeNull();
  });

  it('follows sites.changed from other windows while watching, and stops after', async () => {
    const { core, state } = setup();
    await state().load();
    const unwatch = state().watch();
    expect(core.listenerCount('sites.changed')).toBe(1);

    const site = core.addSite('Made in another window');
    core.currentSiteId = site.id;
    core.emit('sites.changed', core.state());

    expect(state().sites.map((s) => s.name)).toEqual(['Made in another window']);
    expect(state().currentSiteId).toBe(site.id);
    expect(state().loaded).toBe(true);

    unwatch();
    expect(core.listenerCount('sites.changed')).toBe(0);
    core.emit('sites.changed', { sites: [], currentSiteId: null });
    expect(state().sites).toHaveLength(1);
  });

  it('ignores an event payload the contract does not allow', async () => {
    const { core, state } = setup();
    core.addSite('Alpha');
    await state().load();
    state().watch();

    core.emit('sites.changed', { sites: 'not a list', currentSiteId: null });

    expect(state().sites.map((s) => s.name)).toEqual(['Alpha']);
  });

  it('does not let a list reply older than an event overwrite it', async () => {
    const { core, state } = setup();
    core.addSite('Alpha');
    state().watch();

    core.hold = true;
    const loading = state().load(); // the core answers "Alpha" …
    core.addSite('Beta');
    core.emit('sites.changed', core.state()); // … but "Beta" arrives as an event first
    core.release();
    await loading;

    expect(state().sites.map((s) => s.name)).toEqual(['Alpha', 'Beta']);
  });
});

/** Let the store's follow-up calls (a refresh after site_not_found) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('the current site’s time zone (issue 12 item 9)', () => {
  it('is none without a current site, the new one once set, unchanged on a refusal', async () => {
    const { core, state } = setup();
    const a = core.addSite('Hangzhou Block 3');
    await state().load();
    expect(currentSiteTimeZone(state())).toBeNull();
    await state().select(a.id);
    expect(currentSiteTimeZone(state())).toBe('Asia/Shanghai');

    const saved = await state().setTimeZone(a.id, 'Europe/Berlin');
    expect(saved?.timeZone).toBe('Europe/Berlin');
    expect(currentSiteTimeZone(state())).toBe('Europe/Berlin');

    expect(await state().setTimeZone(a.id, 'Mars/Olympus')).toBeNull();
    expect(state().error).toMatchObject({ action: 'timeZone', siteId: a.id, body: { code: 'site_time_zone_unknown', details: { timeZone: 'Mars/Olympus' } } });
    expect(currentSiteTimeZone(state())).toBe('Europe/Berlin');
  });
});
