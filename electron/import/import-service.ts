import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import type { EnrollSchema } from '../../shared/contract/people.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import { createTranslator, type Lang } from '../../shared/i18n/index.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { DepartmentCodes } from '../people/department-codes.ts';
import type { PeopleService } from '../people/people-service.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { IMPORT_LIMITS, sizeText } from '../../shared/rules/import-limits.ts';
import { enrolledToCsv, enrolledToXlsx, rejectedRowsToCsv } from './export-table.ts';
import { planImport, updatedRows, type ImportPlan } from './plan-import.ts';
import { TableReadError } from './table-read-error.ts';

interface PlanChoices {
  readonly faceCheck: boolean;
  readonly forcePhoto: boolean;
}

/** The limits of what is staged (shared/rules/import-limits.ts; tests may pass smaller ones). */
type StagingLimits = Readonly<Record<'tableBytes' | 'photoBytes' | 'photos' | 'importBytes' | 'stagedBytes', number>>;

interface Staged {
  readonly siteId: SiteId;
  readonly dir: string;
  readonly table: string;
  /** Bytes written: the table's, and each photo's by file name. */
  tableBytes: number;
  readonly photoBytes: Map<string, number>;
  /** When a piece was last added or the import last used: the idle import touched longest ago makes room first. */
  touched: number;
  plan: ImportPlan | null;
  /** How the last dry run was asked for; a plan made again (files changed) is made the same way. */
  choices: PlanChoices;
  /** The dry run or the import under way, for imports.cancel. */
  running: AbortController | null;
}

const STALE_MS = 24 * 3600_000;
/** imports.progress during the dry run at most this often (10,000 header checks take ~1 s). */
const PROGRESS_EVERY_MS = 100;

/**
 * Imports from the UI: the table and the photos are uploaded in pieces into a staging folder
 * (`<data>/imports/<id>/`, photos under `photos/`), planned (the dry run, with the face check; the
 * squares cut around the faces of the rows to import go to `cut/`), then saved through
 * PeopleService, both with progress and cancel. Every piece is checked against the staging limits
 * before it is written (the table, each photo, the photos and bytes of one import, and all imports
 * together, where idle imports make room, the one touched longest ago first); staging folders older
 * than a day are removed.
 */
export class ImportService {
  private readonly root: string;
  private readonly staged = new Map<string, Staged>();
  private readonly people: PeopleService;
  private readonly sites: SitesTable;
  private readonly bus: EventBus;
  private readonly limits: StagingLimits;
  private readonly departments: DepartmentCodes;

  constructor(deps: { dataDir: string; people: PeopleService; sites: SitesTable; bus: EventBus; departments: DepartmentCodes; limits?: StagingLimits }) {
    this.root = join(deps.dataDir, 'imports');
    this.people = deps.people;
    this.sites = deps.sites;
    this.bus = deps.bus;
    this.limits = deps.limits ?? IMPORT_LIMITS;
    this.departments = deps.departments;
  }

  begin(siteId: SiteId, fileName: string, base64: string): { importId: string } {
    if (!this.sites.get(siteId)) throw new ApiError('site_not_found', `There is no site ${siteId}.`, { id: siteId });
    const ext = extname(fileName).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw invalid(['fileName'], 'table_format');
    this.sweep();
    const bytes = Buffer.from(base64, 'base64');
    const importId = randomBytes(12).toString('base64url');
    const dir = join(this.root, importId);
    const staged: Staged = { siteId, dir, table: join(dir, `table${ext}`), tableBytes: 0, photoBytes: new Map(), touched: Date.now(), plan: null, choices: { faceCheck: true, forcePhoto: false }, running: null };
    this.reserveTable(staged, bytes.length);
    mkdirSync(join(dir, 'photos'), { recursive: true });
    writeFileSync(staged.table, bytes);
    staged.tableBytes = bytes.length;
    this.staged.set(importId, staged);
    return { importId };
  }

  appendTable(importId: string, base64: string): { bytes: number } {
    const staged = this.get(importId);
    const bytes = Buffer.from(base64, 'base64');
    this.reserveTable(staged, bytes.length);
    appendFileSync(staged.table, bytes);
    staged.tableBytes += bytes.length;
    staged.plan = null;
    return { bytes: staged.tableBytes };
  }

  addPhoto(importId: string, fileName: string, base64: string, append: boolean): { photos: number } {
    const staged = this.get(importId);
    // Only the name matters (it is how a photo finds its row); never a path.
    const name = basename(fileName);
    const path = join(staged.dir, 'photos', name);
    const bytes = Buffer.from(base64, 'base64');
    const size = (append ? (staged.photoBytes.get(name) ?? 0) : 0) + bytes.length;
    this.reservePhoto(staged, name, size);
    if (append) appendFileSync(path, bytes);
    else writeFileSync(path, bytes);
    staged.photoBytes.set(name, size);
    staged.plan = null;
    return { photos: staged.photoBytes.size };
  }

  async plan(importId: string, choices: PlanChoices = { faceCheck: true, forcePhoto: false }) {
    const staged = this.get(importId);
    if (staged.running) throw busy();
    staged.touched = Date.now();
    const controller = new AbortController();
    staged.running = controller;
    staged.plan = null;
    staged.choices = choices;
    const cutDir = join(staged.dir, 'cut');
    rmSync(cutDir, { recursive: true, force: true });
    mkdirSync(cutDir);
    let last = 0;
    const onProgress = (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      this.bus.emit('imports.progress', { importId, phase: 'check', done, total });
    };
    let plan: ImportPlan;
    try {
      const existing = this.people.backendsByPin(staged.siteId);
      const idNumbers = this.people.idNumbers(staged.siteId);
      // The targets are chosen after the dry run: departments are checked against every backend of the site that keeps them.
      const departmentBackends = this.departments.siteBackends(staged.siteId);
      const department = this.departments.resolverFor(departmentBackends);
      const beforeDepartments = () => this.departments.readMissing(departmentBackends);
      plan = await planImport({ file: staged.table, photosDir: join(staged.dir, 'photos'), ...choices, cutDir, onProgress, signal: controller.signal, existing, department, beforeDepartments, idNumbers });
    } catch (error) {
      if (controller.signal.aborted) throw new ApiError('cancelled', 'The check was cancelled.');
      if (error instanceof TableReadError) throw error.toApiError();
      throw error;
    } finally {
      staged.running = null;
    }
    staged.plan = plan;
    const updates = updatedRows(plan);
    return {
      importId,
      format: plan.format,
      headers: [...plan.headers],
      planned: plan.rows.length,
      rejected: plan.rejected.length,
      problems: plan.problems.map(({ checks, owner, ...p }) => ({ ...p, column: p.column ? { ...p.column } : null, field: p.field ?? null, ...(checks ? { checks: [...checks] } : {}), ...(owner ? { owner: { ...owner } } : {}) })),
      departments: plan.departments.map((d) => ({ ...d })),
      unmatchedPhotos: [...plan.unmatchedPhotos],
      faceCheck: choices.faceCheck,
      newPeople: plan.rows.length - updates.length,
      updates,
      preview: plan.rows.slice(0, 20).map((r) => ({ row: r.row, pin: r.person.pin, name: r.person.name, photo: r.photoSource ? basename(r.photoSource) : null, existing: r.existing ? [...r.existing] : null })),
    };
  }

  async run(importId: string, targets: z.output<typeof EnrollSchema>['targets']): Promise<{ imported: number; rejected: number; cancelled: boolean }> {
    const staged = this.get(importId);
    if (staged.running) throw busy();
    const plan = await this.planned(importId);
    staged.touched = Date.now();
    const controller = new AbortController();
    staged.running = controller;
    try {
      const total = plan.rows.length;
      const imported = await this.people.importRows(staged.siteId, targets, plan.rows, (done) => this.bus.emit('imports.progress', { importId, phase: 'import', done, total }), controller.signal);
      return { imported, rejected: plan.rejected.length, cancelled: controller.signal.aborted };
    } finally {
      staged.running = null;
    }
  }

  cancel(importId: string): { cancelled: boolean } {
    const running = this.staged.get(importId)?.running;
    running?.abort();
    return { cancelled: running !== undefined && running !== null };
  }

  async rejectedCsv(importId: string, lang: Lang): Promise<{ fileName: string; base64: string }> {
    const plan = await this.planned(importId);
    return { fileName: 'rejected.csv', base64: rejectedRowsToCsv(plan, createTranslator(lang).t).toString('base64') };
  }

  async exportPeople(siteId: SiteId, format: 'csv' | 'xlsx'): Promise<{ fileName: string; base64: string }> {
    const people = this.people.list(siteId);
    const bytes = format === 'csv' ? enrolledToCsv(people) : await enrolledToXlsx(people);
    return { fileName: `people.${format}`, base64: Buffer.from(bytes).toString('base64') };
  }

  /** The import's plan, made now if the staged files changed since (or it was never made). */
  private async planned(importId: string): Promise<ImportPlan> {
    const staged = this.get(importId);
    if (!staged.plan) await this.plan(importId, staged.choices);
    if (!staged.plan) throw new Error('planning produced no plan');
    return staged.plan;
  }

  /** Refuses a table piece of `bytes` that would pass a limit (nothing is written then). */
  private reserveTable(staged: Staged, bytes: number): void {
    const max = this.limits.tableBytes;
    if (staged.tableBytes + bytes > max) throw new ApiError('table_too_large', `The spreadsheet is larger than ${sizeText(max)}.`, { limit: max });
    this.reserve(staged, bytes);
  }

  /** Refuses a photo that would be `size` bytes once this piece is written, or that would pass a limit of the import. */
  private reservePhoto(staged: Staged, name: string, size: number): void {
    const { photoBytes: max, photos } = this.limits;
    if (size > max) throw new ApiError('import_photo_too_large', `The photo "${name}" is larger than ${sizeText(max)}.`, { fileName: name, limit: max });
    const before = staged.photoBytes.get(name);
    if (before === undefined && staged.photoBytes.size >= photos) throw new ApiError('import_too_many_photos', `An import takes at most ${photos} photos.`, { limit: photos });
    this.reserve(staged, size - (before ?? 0));
  }

  /** Room for `bytes` more in one import and on the disk: idle imports make room, else the piece is refused. */
  private reserve(staged: Staged, bytes: number): void {
    const { importBytes, stagedBytes } = this.limits;
    if (stagedSize(staged) + bytes > importBytes) throw new ApiError('import_too_large', `An import may hold at most ${sizeText(importBytes)}.`, { limit: importBytes });
    staged.touched = Date.now();
    let total = bytes;
    for (const other of this.staged.values()) total += stagedSize(other);
    if (total <= stagedBytes) return;
    const idle = [...this.staged].filter(([, other]) => other !== staged && !other.running).sort(([, a], [, b]) => a.touched - b.touched);
    for (const [id, other] of idle) {
      total -= stagedSize(other);
      this.staged.delete(id);
      rmSync(other.dir, { recursive: true, force: true });
      if (total <= stagedBytes) return;
    }
    throw new ApiError('import_staging_full', `Imports under way hold ${sizeText(stagedBytes)}.`, { limit: stagedBytes });
  }

  private get(importId: string): Staged {
    const staged = this.staged.get(importId);
    if (!staged) throw new ApiError('invalid_input', 'This import is no longer known (Doorman restarted, or a newer import needed its room). Choose the file again.', { issues: [{ path: ['importId'], code: 'custom', message: 'invalid' }] });
    return staged;
  }

  /** Removes the staging folders of imports unused for a day, and forgets them. */
  private sweep(): void {
    if (!existsSync(this.root)) return;
    for (const name of readdirSync(this.root)) {
      const dir = join(this.root, name);
      // An import this process knows is judged by its last use (a photo added does not touch the folder's time).
      const known = this.staged.get(name);
      const last = known ? known.touched : statSync(dir).mtimeMs;
      if (known?.running || Date.now() - last <= STALE_MS) continue;
      rmSync(dir, { recursive: true, force: true });
      this.staged.delete(name);
    }
  }
}

function stagedSize(staged: Staged): number {
  let bytes = staged.tableBytes;
  for (const size of staged.photoBytes.values()) bytes += size;
  return bytes;
}

function busy(): ApiError {
  return new ApiError('invalid_input', 'This import is already being checked or imported.', { issues: [{ path: ['importId'], code: 'custom', message: 'invalid' }] });
}

function invalid(path: string[], message: string): ApiError {
  return new ApiError('invalid_input', message, { issues: [{ path, code: 'custom', message }] });
}
