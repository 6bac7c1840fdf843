import type { Backend, Capabilities, Inventory } from '../../../../shared/contract/backends.ts';
import type { DoorTestResult } from '../../../../shared/contract/door-tests.ts';
import type { Reply } from '../../../../shared/contract/wire.ts';
import type { Transport } from '../../../../renderer/src/api/transport.ts';

type Handler = (input: Record<string, unknown>) => Reply | Promise<Reply>;

/**
 * A stand-in for the core at the far end of the transport: each method answers from a handler the
 * test sets, every call is recorded, and events are pushed with `emit`.
 */
export class ScriptedCore implements Transport {
  readonly kind = 'websocket' as const;
  readonly calls: { method: string; input: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  on(method: string, handler: Handler): this {
    this.handlers.set(method, handler);
    return this;
  }

  answer(method: string, output: unknown): this {
    return this.on(method, () => ({ ok: true, output }));
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  callsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input);
  }

  invoke(method: string, input: unknown): Promise<Reply> {
    const args = input as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const handler = this.handlers.get(method);
    if (!handler) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: method, details: { method } } });
    return Promise.resolve(handler(args));
  }

  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
}

const AT = '2026-03-04T05:06:07.000Z';

export function backend(id: number, name = `Backend ${id}`): Backend {
  return { id, siteId: 1, vendor: 'zkbio', name, baseUrl: 'http://127.0.0.2:8098', tls: 'verify', credentialFields: ['token'], createdAt: AT, updatedAt: AT, lastTest: null, inventoryAt: AT };
}

export function inventory(doorIds: readonly string[]): Inventory {
  return {
    devices: [{ id: 'dev-1', name: 'Panel 1', serial: 'SN1', ip: null, model: null, kind: 'access-panel', online: true }],
    doors: doorIds.map((id, index) => ({ id, name: `Door ${id}`, deviceId: 'dev-1', number: index + 1, state: null })),
    readers: [],
    accessLevels: [],
    departments: [],
    refreshedAt: AT,
  };
}

export function capabilities(doorModes: Capabilities['doorModes'] = []): Capabilities {
  return {
    closeDoor: true,
    doorModes,
    faceCheck: false,
    bulkUpsert: false,
    realtimeEvents: 'poll',
    visitors: false,
    notes: doorModes.length === 0 ? { doorModes: { en: 'No modes here.', 'zh-CN': '不支持门状态。' } } : {},
  };
}

let resultId = 1;

export function result(input: { runId: string; doorId: string; verdict?: DoorTestResult['verdict']; siteId?: number; startedAt?: string }): DoorTestResult {
  const startedAt = input.startedAt ?? new Date(Date.parse(AT) + resultId * 1000).toISOString();
  return {
    id: resultId++,
    runId: input.runId,
    siteId: input.siteId ?? 1,
    backendId: 1,
    vendor: 'zkbio',
    doorId: input.doorId,
    doorName: `Door ${input.doorId}`,
    test: 'open',
    verdict: input.verdict ?? 'pass',
    latencyMs: input.verdict === 'pass' || input.verdict === undefined ? 120 : null,
    message: 'ok',
    advice: null,
    installer: 'Li',
    personPin: null,
    startedAt,
    finishedAt: startedAt,
    evidence: { event: null, steps: [] },
  };
}

export function step(ms: number, key = 'waiting'): { at: string; ms: number; key: string; params: Record<string, string | number>; what: string } {
  return { at: AT, ms, key, params: { door: 'D', seconds: 30 }, what: `step at ${ms}` };
}
