import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ApiError } from '../../shared/contract/errors.ts';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { EnrollSchema, OutboxEntry, Person, PersonFields, PersonSync, UpdatePersonSchema } from '../../shared/contract/people.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import { photoOverLimit } from '../../shared/rules/photo-limits.ts';
import { MIN_STORED_FACE_PIXELS } from '../../shared/rules/photo-profiles.ts';
import type { EventBus } from '../api/event-bus.ts';
import { PhotoReader } from '../photos/photo-reader.ts';
import { imageInfo } from '../photos/image-info.ts';
import { PhotoLimitError } from '../photos/photo-limit-error.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { OutboxTable } from '../store/outbox-table.ts';
import type { FaceRecord, IdNumberOwner, PeopleTable, PersonRow } from '../store/people-table.ts';
import type { PersonBackend, PersonBackendsTable } from '../store/person-backends-table.ts';
import type { DepartmentCodes } from './department-codes.ts';
import type { FaceFiles } from './face-files.ts';
import { checkFacePhoto, type FacePhotoCheck } from './photo-check.ts';
import { personSyncStates } from './sync-states.ts';

/** What an outbox upsert carries: the person as saved, the levels for that backend, the face. */
export interface UpsertPayload {
  readonly fields: PersonFields;
  readonly accessLevelIds: readonly string[];
  readonly faceSha256: string | null;
  /**
   * The levels replace those the backend has, none included (People → Edit). Otherwise an empty
   * list sends none, so a re-enrollment or import keeps the levels given on the backend itself.
   */
  readonly replaceLevels?: boolean;
}

function toPerson(row: PersonRow, backends: readonly PersonBackend[]): Person {
  return {
    id: row.id,
    siteId: row.site_id,
    fields: JSON.parse(row.fields) as PersonFields,
    faceSha256: row.face_sha256,
    ...(row.face_sha256 === null && row.no_face_reason !== null ? { noFaceReason: row.no_face_reason } : {}),
    targets: backends.map((b) => ({ backendId: b.backendId, accessLevelIds: [...b.accessLevelIds] })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The refusal of an ID number someone else on the site has: says who, and what to do. */
function idNumberTaken(owner: IdNumberOwner): ApiError {
  return new ApiError(
    'id_number_taken',
    `This ID number is already enrolled: ${owner.name} (${owner.pin}). Check the number; if it is the same person, edit ${owner.pin} on the People page instead.`,
    { pin: owner.pin, name: owner.name, issues: [{ path: ['person', 'idNumber'], code: 'custom', message: 'id_number_taken' }] },
  );
}

/** People per transaction in a bulk import. */
const IMPORT_BATCH = 200;

/**
 * Enrollment, offline first: the person, the face file and one outbox entry per target backend are
 * saved together (the face file first, then one transaction), and nothing waits for the network.
 * Saving the same personnel number again updates the person and queues the update on the backends
 * chosen this time; every backend the person was ever sent to is remembered (PersonBackendsTable),
 * and a person's `targets` are all of them.
 */
export class PeopleService {
  private readonly table: PeopleTable;
  private readonly faces: FaceFiles;
  private readonly outbox: OutboxTable;
  private readonly sentTo: PersonBackendsTable;
  private readonly backends: BackendsService;
  private readonly bus: EventBus;
  private readonly departments: DepartmentCodes;

  constructor(deps: { table: PeopleTable; faces: FaceFiles; outbox: OutboxTable; personBackends: PersonBackendsTable; backends: BackendsService; bus: EventBus; departments: DepartmentCodes }) {
    this.table = deps.table;
    this.faces = deps.faces;
    this.outbox = deps.outbox;
    this.sentTo = deps.personBackends;
    this.backends = deps.backends;
    this.bus = deps.bus;
    this.departments = deps.departments;
  }

  list(siteId: SiteId): Person[] {
    const backends = this.sentTo.ofSite(siteId);
    return this.table.ofSite(siteId).map((row) => toPerson(row, backends.get(row.id) ?? []));
  }

  /** Each person's sync state on every backend they were sent to (People page, "Sync to backends"). */
  syncStates(siteId: SiteId): PersonSync[] {
    return personSyncStates(this.outbox, this.list(siteId).map((p) => ({ id: p.id, pin: p.fields.pin })), siteId);
  }

  /** A photo file checked for a person going to these backends (People → Edit): their vendors' strictest profile. */
  checkPhoto(backendIds: readonly BackendId[], photo: Uint8Array): Promise<FacePhotoCheck> {
    return checkFacePhoto(photo, backendIds.map((id) => this.backends.get(id).vendor));
  }

  /**
   * Who on the site has this ID number (compared upper-cased, as the contract stores it), other
   * than the person `exceptPin` names (the one being edited or re-enrolled), or null.
   */
  idNumberOwner(siteId: SiteId, idNumber: string, exceptPin?: string): IdNumberOwner | null {
    return this.table.holdersOf(siteId, idNumber.trim().toUpperCase()).find((r) => r.pin !== exceptPin) ?? null;
  }

  /** Every ID number of the site's people, with its holder (for the import's dry run). */
  idNumbers(siteId: SiteId): Map<string, IdNumberOwner> {
    return this.table.idNumbers(siteId);
  }

  /** The site's people by personnel number, with every backend each was sent to (for the import's dry run). */
  backendsByPin(siteId: SiteId): Map<string, BackendId[]> {
    return this.sentTo.byPin(siteId);
  }

  enroll(input: z.output<typeof EnrollSchema>): { person: Person; outbox: OutboxEntry[] } {
    const person = this.withDepartmentCode(input.person, input.targets);
    const face = input.face ? this.storeFace(Buffer.from(input.face.jpegBase64, 'base64'), ['face']) : null;
    const [saved] = this.save(input.siteId, input.targets, [{ fields: person, face, failedChecks: input.face?.failedChecks ?? [], noFaceReason: input.noFaceReason ?? null }]);
    if (!saved) throw new Error('nothing saved');
    return { person: toPerson(saved.row, this.sentTo.of(saved.row.id)), outbox: saved.outbox };
  }

  /**
   * People → Edit: the person's fields, and the backends they go to with their levels / groups
   * there. The backends kept and added get the person (with the levels chosen now); a backend left
   * out gets a delete and is forgotten for this person. The personnel number cannot change.
   */
  update(input: z.output<typeof UpdatePersonSchema>): { person: Person; outbox: OutboxEntry[] } {
    const row = this.table.get(input.id);
    if (!row) throw new ApiError('invalid_input', `There is no person ${input.id}.`, { issues: [{ path: ['id'], code: 'custom', message: 'invalid' }] });
    if ((JSON.parse(row.fields) as PersonFields).pin !== input.person.pin) {
      throw new ApiError('invalid_input', 'The personnel number identifies the person on every backend and cannot be changed.', { issues: [{ path: ['person', 'pin'], code: 'custom', message: 'pin_read_only' }] });
    }
    const person = this.withDepartmentCode(input.person, input.targets);
    const kept = new Set(input.targets.map((t) => t.backendId));
    const dropped = this.sentTo.of(input.id).filter((b) => !kept.has(b.backendId)).map((b) => b.backendId);
    const face = input.face ? this.storeFace(Buffer.from(input.face.jpegBase64, 'base64'), ['face']) : null;
    const [saved] = this.save(row.site_id, input.targets, [{ fields: person, face, failedChecks: input.face?.failedChecks ?? [], noFaceReason: null }], true, dropped, true);
    if (!saved) throw new Error('nothing saved');
    return { person: toPerson(saved.row, this.sentTo.of(saved.row.id)), outbox: saved.outbox };
  }

  /** The department as the code of the target backends' list (a name is mapped; an unknown one refused). */
  private withDepartmentCode(fields: PersonFields, targets: readonly { backendId: BackendId }[]): PersonFields {
    if (fields.department === undefined) return fields;
    const department = this.departments.codeFor(fields.department, targets.map((t) => t.backendId), ['person', 'department']);
    return department === fields.department ? fields : { ...fields, department };
  }

  /**
   * Bulk import: the planned rows (already validated, see electron/import), their photos read from
   * disk one at a time (into one reused buffer) into face files, then saved 200 people per
   * transaction, each with an outbox entry per target. Returns how many were saved.
   */
  async importRows(
    siteId: SiteId,
    targets: z.output<typeof EnrollSchema>['targets'],
    rows: readonly { person: PersonFields; photoPath: string | null; failedChecks?: readonly string[] }[],
    onProgress?: (done: number) => void,
    signal?: AbortSignal,
  ): Promise<number> {
    let done = 0;
    // One buffer for every photo: storeFace is done with the bytes before the next read.
    const reader = new PhotoReader();
    for (let start = 0; start < rows.length && !signal?.aborted; start += IMPORT_BATCH) {
      const batch = [];
      for (const row of rows.slice(start, start + IMPORT_BATCH)) {
        const face = row.photoPath ? this.storeFace((await reader.read(row.photoPath)).bytes, ['photo']) : null;
        // A photo kept despite failed face checks (import --force-photo) records them, as enroll does.
        batch.push({ fields: row.person, face, failedChecks: face ? (row.failedChecks ?? []) : [], noFaceReason: null });
      }
      done += this.save(siteId, targets, batch, false).length;
      onProgress?.(done);
    }
    // Once for the whole import, not per batch: each announcement makes every People page reload.
    if (done > 0) this.bus.emit('people.changed', { siteId });
    return done;
  }

  /** Checks a face (JPEG or PNG, ≥ 80,000 pixels, within the photo limits) and stores its file; the row is written by save(). */
  private storeFace(bytes: Uint8Array, path: string[]): FaceRecord {
    const info = imageInfo(bytes);
    if (!info) throw new ApiError('invalid_input', 'The face photo is not a JPEG or PNG.', { issues: [{ path, code: 'custom', message: 'photo_format' }] });
    const overLimit = photoOverLimit(info);
    if (overLimit) throw new ApiError('invalid_input', new PhotoLimitError(overLimit, info).message, { issues: [{ path, code: 'custom', message: overLimit }] });
    if (info.width * info.height < MIN_STORED_FACE_PIXELS) {
      throw new ApiError('invalid_input', `The face photo is ${info.width}×${info.height}, below ${MIN_STORED_FACE_PIXELS.toLocaleString('en-US')} pixels.`, { issues: [{ path, code: 'custom', message: 'photo_too_small' }] });
    }
    return { sha256: this.faces.put(bytes), format: info.format, width: info.width, height: info.height, bytes: info.bytes };
  }

  /** People (with their faces) and their outbox entries, in one transaction. */
  private save(
    siteId: SiteId,
    targets: z.output<typeof EnrollSchema>['targets'],
    people: readonly {
      fields: PersonFields;
      face: FaceRecord | null;
      failedChecks: readonly string[];
      /** Why there is no face (enroll); null keeps the reason on file while the person still has none. */
      noFaceReason: string | null;
    }[],
    announce = true,
    /** Backends the person no longer goes to (an edit): a delete each, and forgotten for the person. */
    dropped: readonly BackendId[] = [],
    replaceLevels = false,
  ): { row: PersonRow; outbox: OutboxEntry[] }[] {
    for (const target of targets) {
      if (this.backends.get(target.backendId).siteId !== siteId) {
        throw new ApiError('invalid_input', `Backend ${target.backendId} belongs to another site.`, { issues: [{ path: ['targets'], code: 'custom', message: 'invalid' }] });
      }
    }
    const now = new Date().toISOString();
    // IMMEDIATE (see PeopleTable.immediate): a sync process beside us may commit between our read and write.
    const results = this.table.immediate(() =>
      people.map(({ fields, face, failedChecks, noFaceReason }) => {
        // One person per ID number on a site: checked here, inside the write, whoever calls.
        const owner = fields.idNumber === undefined ? null : this.idNumberOwner(siteId, fields.idNumber, fields.pin);
        if (owner) throw idNumberTaken(owner);
        if (face) this.table.addFace(face, failedChecks, now);
        const existing = this.table.byPin(siteId, fields.pin);
        // A re-enrollment without a new photo keeps the face already on file.
        const face256 = face?.sha256 ?? existing?.face_sha256 ?? null;
        // The reason stays with a person who still has no face; a face makes it moot.
        const reason = face256 === null ? (noFaceReason ?? existing?.no_face_reason ?? null) : null;
        const row = this.table.upsert(siteId, fields.pin, JSON.stringify(fields), face256, reason, now);
        for (const target of targets) this.sentTo.record(row.id, target);
        const deletes = dropped.map((backendId) => {
          this.sentTo.forget(row.id, backendId);
          return this.outbox.add({ siteId, backendId, personId: row.id, pin: fields.pin, action: 'delete', payload: {}, idempotencyKey: randomUUID() }, now).entry;
        });
        const upserts = targets.map(
          (target) =>
            this.outbox.add(
              {
                siteId,
                backendId: target.backendId,
                personId: row.id,
                pin: fields.pin,
                action: 'upsert',
                payload: { fields, accessLevelIds: target.accessLevelIds, faceSha256: face256, ...(replaceLevels ? { replaceLevels } : {}) } satisfies UpsertPayload,
                idempotencyKey: randomUUID(),
              },
              now,
            ).entry,
        );
        return { row, outbox: [...upserts, ...deletes] };
      }),
    );
    if (announce) {
      for (const { outbox } of results) for (const entry of outbox) this.bus.emit('outbox.changed', entry);
      this.bus.emit('people.changed', { siteId });
    }
    return results;
  }

  /**
   * Queues a delete on every backend the person was ever sent to (not only the latest targets),
   * and removes the person locally. On Hongtu the delete also takes the person out of their pass
   * groups (membership belongs to the person).
   */
  remove(id: number): { outbox: OutboxEntry[] } {
    const now = new Date().toISOString();
    const entries = this.table.immediate(() => {
      const row = this.table.get(id);
      if (!row) throw new ApiError('invalid_input', `There is no person ${id}.`, { issues: [{ path: ['id'], code: 'custom', message: 'invalid' }] });
      const pin = (JSON.parse(row.fields) as PersonFields).pin;
      const queued = this.sentTo.of(id).map(
        (backend) =>
          this.outbox.add({ siteId: row.site_id, backendId: backend.backendId, personId: null, pin, action: 'delete', payload: {}, idempotencyKey: randomUUID() }, now).entry,
      );
      this.table.delete(id);
      return { queued, siteId: row.site_id };
    });
    for (const entry of entries.queued) this.bus.emit('outbox.changed', entry);
    this.bus.emit('people.changed', { siteId: entries.siteId });
    return { outbox: entries.queued };
  }
}
