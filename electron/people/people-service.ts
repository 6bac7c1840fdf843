import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../../shared/contract/errors.ts';
import type { EnrollSchema, OutboxEntry, Person, PersonFields } from '../../shared/contract/people.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import { imageInfo } from '../photos/image-info.ts';
import type { BackendsService } from '../services/backends.ts';
import type { OutboxStore } from '../store/outbox-store.ts';
import type { FaceFiles } from './face-files.ts';

/** What an outbox upsert carries: the person as saved, the levels for that backend, the face. */
export interface UpsertPayload {
  readonly fields: PersonFields;
  readonly accessLevelIds: readonly string[];
  readonly faceSha256: string | null;
}

interface PersonRow {
  id: number;
  site_id: number;
  fields: string;
  face_sha256: string | null;
  targets: string;
  created_at: string;
  updated_at: string;
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    siteId: row.site_id,
    fields: JSON.parse(row.fields) as PersonFields,
    faceSha256: row.face_sha256,
    targets: JSON.parse(row.targets) as Person['targets'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The smallest face the strictest backend takes (ZKBio appendix −5001: 80,000 pixels). */
const MIN_FACE_PIXELS = 80_000;

/**
 * Enrollment, offline first: the person, the face file and one outbox entry per target backend are
 * saved together (the face file first, then one transaction), and nothing waits for the network.
 * Saving the same personnel number again updates the person and queues the update.
 */
export class PeopleService {
  private readonly db: Database;
  private readonly faces: FaceFiles;
  private readonly outbox: OutboxStore;
  private readonly backends: BackendsService;
  private readonly bus: EventBus;

  constructor(deps: { db: Database; faces: FaceFiles; outbox: OutboxStore; backends: BackendsService; bus: EventBus }) {
    this.db = deps.db;
    this.faces = deps.faces;
    this.outbox = deps.outbox;
    this.backends = deps.backends;
    this.bus = deps.bus;
  }

  list(siteId: SiteId): Person[] {
    return (this.db.prepare('SELECT * FROM people WHERE site_id = ? ORDER BY id').all(siteId) as PersonRow[]).map(toPerson);
  }

  enroll(input: z.output<typeof EnrollSchema>): { person: Person; outbox: OutboxEntry[] } {
    for (const target of input.targets) {
      if (this.backends.get(target.backendId).siteId !== input.siteId) {
        throw new ApiError('invalid_input', `Backend ${target.backendId} belongs to another site.`, { issues: [{ path: ['targets'], code: 'custom', message: 'invalid' }] });
      }
    }
    let faceSha256: string | null = null;
    let face: { format: string; width: number; height: number; bytes: number } | null = null;
    if (input.face) {
      const bytes = Buffer.from(input.face.jpegBase64, 'base64');
      const info = imageInfo(bytes);
      if (!info) throw new ApiError('invalid_input', 'The face photo is not a JPEG or PNG.', { issues: [{ path: ['face'], code: 'custom', message: 'photo_format' }] });
      if (info.width * info.height < MIN_FACE_PIXELS) {
        throw new ApiError('invalid_input', `The face photo is ${info.width}×${info.height}, below 80,000 pixels.`, { issues: [{ path: ['face'], code: 'custom', message: 'photo_too_small' }] });
      }
      faceSha256 = this.faces.put(bytes);
      face = info;
    }
    const now = new Date().toISOString();
    const result = this.db.transaction(() => {
      if (faceSha256 && face) {
        this.db
          .prepare('INSERT OR IGNORE INTO faces (sha256, format, width, height, bytes, failed_checks, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(faceSha256, face.format, face.width, face.height, face.bytes, JSON.stringify(input.face?.failedChecks ?? []), now);
      }
      const existing = this.db.prepare('SELECT * FROM people WHERE site_id = ? AND pin = ?').get(input.siteId, input.person.pin) as PersonRow | undefined;
      // A re-enrollment without a new photo keeps the face already on file.
      const face256 = faceSha256 ?? existing?.face_sha256 ?? null;
      const row = this.db
        .prepare(
          `INSERT INTO people (site_id, pin, fields, face_sha256, targets, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (site_id, pin) DO UPDATE SET fields = excluded.fields, face_sha256 = excluded.face_sha256, targets = excluded.targets, updated_at = excluded.updated_at
           RETURNING *`,
        )
        .get(input.siteId, input.person.pin, JSON.stringify(input.person), face256, JSON.stringify(input.targets), now, now) as PersonRow;
      const entries = input.targets.map(
        (target) =>
          this.outbox.add(
            {
              siteId: input.siteId,
              backendId: target.backendId,
              personId: row.id,
              pin: input.person.pin,
              action: 'upsert',
              payload: { fields: input.person, accessLevelIds: target.accessLevelIds, faceSha256: face256 } satisfies UpsertPayload,
              idempotencyKey: randomUUID(),
            },
            now,
          ).entry,
      );
      return { person: toPerson(row), outbox: entries };
    })();
    for (const entry of result.outbox) this.bus.emit('outbox.changed', entry);
    return result;
  }

  /** Queues a delete on every backend the person was sent to, and removes the person locally. */
  remove(id: number): { outbox: OutboxEntry[] } {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    if (!row) throw new ApiError('invalid_input', `There is no person ${id}.`, { issues: [{ path: ['id'], code: 'custom', message: 'invalid' }] });
    const person = toPerson(row);
    const now = new Date().toISOString();
    const entries = this.db.transaction(() => {
      const queued = person.targets.map(
        (target) =>
          this.outbox.add(
            { siteId: person.siteId, backendId: target.backendId, personId: null, pin: person.fields.pin, action: 'delete', payload: {}, idempotencyKey: randomUUID() },
            now,
          ).entry,
      );
      this.db.prepare('DELETE FROM people WHERE id = ?').run(id);
      return queued;
    })();
    for (const entry of entries) this.bus.emit('outbox.changed', entry);
    return { outbox: entries };
  }
}
