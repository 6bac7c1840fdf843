import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { openStore } from '../../../electron/store/database.ts';
import { migrations } from '../../../electron/store/migrations/index.ts';
import { claimIsLive } from '../../../electron/sync/claim-owner.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

const T = '2026-03-01T08:00:00.000Z';

/**
 * A database as schema 6 (the version before) left it on a site: people with only their latest
 * targets, and an outbox whose history says more.
 */
function schema6Database(dataDir: string): void {
  const { db } = openStore(join(dataDir, 'doorman.db'), migrations.slice(0, 6));
  db.prepare(`INSERT INTO sites (id, name, name_key, created_at, updated_at) VALUES (1, 'Block 3', 'block 3', ?, ?)`).run(T, T);
  const backend = db.prepare(
    `INSERT INTO backends (id, site_id, vendor, name, base_url, tls, credentials_sealed, credential_fields, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'http://127.0.0.1:9', '{"mode":"verify"}', 'x', '[]', ?, ?)`,
  );
  backend.run(1, 'zkbio', 'ZKBio', T, T);
  backend.run(2, 'hongtu', 'Hongtu', T, T);
  const person = db.prepare(`INSERT INTO people (id, site_id, pin, fields, face_sha256, targets, created_at, updated_at) VALUES (?, 1, ?, ?, NULL, ?, ?, ?)`);
  const entry = db.prepare(
    `INSERT INTO outbox (id, site_id, backend_id, person_id, pin, action, payload, idempotency_key, state, attempts, next_try_at, last_error, created_at, updated_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 1, NULL, NULL, ?, ?)`,
  );
  const upsert = (id: number, backendId: number, personId: number | null, pin: string, state: string, levels: string[] = []) =>
    entry.run(id, backendId, personId, pin, 'upsert', JSON.stringify({ fields: { pin, name: pin }, accessLevelIds: levels, faceSha256: null }), `k${id}`, state, T, T);
  const remove = (id: number, backendId: number, pin: string, state: string) => entry.run(id, backendId, null, pin, 'delete', '{}', `k${id}`, state, T, T);

  // P1: imported to both backends, then again to ZKBio only (targets: ZKBio).
  person.run(1, 'P1', JSON.stringify({ pin: 'P1', name: 'P1' }), JSON.stringify([{ backendId: 1, accessLevelIds: ['L1'] }]), T, T);
  upsert(1, 1, 1, 'P1', 'done', ['L0']);
  upsert(2, 2, 1, 'P1', 'done', ['G1']);
  upsert(3, 1, 1, 'P1', 'done', ['L1']);
  // P2: the same, then deleted: the delete went to ZKBio only; P2 is still on Hongtu.
  upsert(4, 1, null, 'P2', 'done');
  upsert(5, 2, null, 'P2', 'done', ['G1']);
  remove(6, 1, 'P2', 'done');
  // P3: on Hongtu, deleted there, enrolled again to ZKBio only.
  person.run(3, 'P3', JSON.stringify({ pin: 'P3', name: 'P3' }), JSON.stringify([{ backendId: 1, accessLevelIds: [] }]), T, T);
  upsert(7, 2, null, 'P3', 'done');
  remove(8, 2, 'P3', 'done');
  upsert(9, 1, 3, 'P3', 'pending');
  // P1 again: a write a killed sync left 'sending' and the edit after it; a failed write and the edit after it.
  upsert(10, 1, 1, 'P1', 'sending', ['L1']);
  upsert(11, 1, 1, 'P1', 'pending', ['L1']);
  upsert(12, 2, 1, 'P1', 'failed', ['G1']);
  upsert(13, 2, 1, 'P1', 'pending', ['G2']);
  db.close();
}

describe('upgrading a database from schema 6', () => {
  it('gives existing people every backend their targets and outbox history name, queues the deletes a deleted person missed, and retires stale writes', async () => {
    const dataDir = tempDir();
    schema6Database(dataDir);
    core = createCore({ dataDir, runtime: 'node' });
    // Schema 6's steps first; later ones (people without a face, 9…) follow.
    expect(core.store.migration.from).toBe(6);
    expect(core.store.migration.applied.slice(0, 2)).toEqual(['outbox claims', 'person backends']);

    const people = (await call(core, 'people.list', { siteId: 1 })).people;
    expect(people.map((p) => [p.fields.pin, p.targets])).toEqual([
      [
        'P1',
        [
          { backendId: 1, accessLevelIds: ['L1'] },
          { backendId: 2, accessLevelIds: ['G2'] },
        ],
      ],
      ['P3', [{ backendId: 1, accessLevelIds: [] }]],
    ]);
    expect(core.db.prepare("SELECT count(*) FROM pragma_table_info('people') WHERE name = 'targets'").pluck().get()).toBe(0);

    const entries = (await call(core, 'outbox.list', { siteId: 1 })).entries;
    const state = (id: number) => entries.find((e) => e.id === id)?.state;
    // The failed write beside a newer one is stale: cancelled. The 'sending' one is the sync's to recover.
    expect([state(12), state(13), state(10), state(11)]).toEqual(['cancelled', 'pending', 'sending', 'pending']);
    // P2's missed delete, queued now.
    expect(entries.filter((e) => e.id > 13).map((e) => [e.backendId, e.pin, e.action, e.state])).toEqual([[2, 'P2', 'delete', 'pending']]);

    // The killed process is long gone: its write is superseded by the edit after it, never sent.
    expect(core.outbox.recover(new Date().toISOString(), claimIsLive).map((e) => [e.id, e.state])).toEqual([[10, 'cancelled']]);
    expect(core.outbox.due(new Date().toISOString(), 10).map((i) => i.entry.id)).toEqual([9, 11, 13, 14]);

    // Deleting P1 now reaches both backends.
    const { outbox } = await call(core, 'people.remove', { id: 1 });
    expect(outbox.map((e) => [e.backendId, e.action])).toEqual([
      [1, 'delete'],
      [2, 'delete'],
    ]);
  });
});
