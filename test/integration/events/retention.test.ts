import { describe, expect, it } from 'vitest';
import { AccessEventSchema, type AccessEvent } from '../../../shared/contract/backends.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { silentLogger } from '../../../electron/log/logger.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function event(id: string, occurredAt: string): AccessEvent {
  return { eventId: id, occurredAt, kind: 'pass', doorId: null, doorName: 'Gate', deviceSerial: null, readerName: null, personPin: '1', personName: null, verifyMode: null, description: 'Pass', photoUrl: null };
}

describe('event retention (issue 15 item 1)', () => {
  it('keeps 180 days unless set, deletes older events in small batches, keeps the newer, and refuses a bad period', async () => {
    const core = createCore({ dataDir: tempDir(), runtime: 'node', logger: silentLogger(), events: { sweep: { batch: 3, pauseMs: 0 } } });
    try {
      const site = await call(core, 'sites.create', { name: 'Keep' });
      const backendId = (await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', baseUrl: 'http://127.0.0.1:9', credentials: { appKey: 'a', secretKey: 's' } })).id;
      expect(await call(core, 'events.retention.get', {})).toEqual({ days: 180 });
      const day = 24 * 3600_000;
      const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
      const old = Array.from({ length: 10 }, (_, i) => event(`old-${i}`, at(40 + i)));
      const recent = Array.from({ length: 4 }, (_, i) => event(`new-${i}`, at(i)));
      // An event stored before issue 15, without the guard's fields, still reads.
      core.events.add(backendId, 'poll', [...old, ...recent].map((e) => ({ event: e })));
      expect(await core.events.sweepNow()).toBe(0);

      expect(await call(core, 'events.retention.set', { days: 30 })).toEqual({ days: 30 });
      expect(await core.events.sweepNow()).toBe(10);
      expect(core.events.count(backendId)).toBe(4);
      const newest = core.events.newest(site.id, 10);
      expect(newest.map((e) => e.eventId)).toEqual(['new-0', 'new-1', 'new-2', 'new-3']);
      for (const e of newest) expect(AccessEventSchema.parse(e).result).toBeUndefined();

      await expect(call(core, 'events.retention.set', { days: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    } finally {
      await core.close();
    }
  });
});
