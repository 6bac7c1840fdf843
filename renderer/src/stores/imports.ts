import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { MethodInput, MethodOutput } from '../../../shared/contract/index.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { bytesToBase64, MAX_PIECE_CHARS, pieceRanges } from './import-pieces.ts';
import { errorBody } from './api-error.ts';

export type ImportPlan = MethodOutput<'imports.plan'>;
type ImportResult = MethodOutput<'imports.run'>;
type ImportTargets = MethodInput<'imports.run'>['targets'];
/** How the dry run checks the photos (imports.plan). */
interface CheckChoices {
  readonly faceCheck: boolean;
  readonly forcePhoto: boolean;
}
type TableFile = MethodOutput<'imports.rejectedCsv'>;

/** What the store needs of a chosen file (a DOM `File` is one). */
interface UploadFile {
  readonly name: string;
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

type ImportPhase = 'idle' | 'uploading' | 'planning' | 'planned' | 'running' | 'done';

interface ImportStore {
  /** The site of the current import. */
  readonly siteId: SiteId | null;
  readonly phase: ImportPhase;
  /** Bytes sent of all files (table and photos) during the upload. */
  readonly upload: { readonly name: string; readonly done: number; readonly total: number } | null;
  readonly uploadCancelled: boolean;
  /** Photos checked by the dry run so far (imports.progress, phase `check`). */
  readonly checkProgress: { readonly done: number; readonly total: number } | null;
  readonly checkCancelled: boolean;
  readonly importId: string | null;
  readonly plan: ImportPlan | null;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly result: ImportResult | null;
  readonly error: ApiErrorBody | null;
  readonly exporting: boolean;

  /** Uploads the table then each photo (sequentially, in pieces), then runs the dry run (face check on by default). */
  check(siteId: SiteId, table: UploadFile, photos: readonly UploadFile[], choices?: CheckChoices): Promise<ImportPlan | null>;
  /** Stops the upload between pieces. */
  cancelUpload(): void;
  /** Stops the dry run (the photos' face check). */
  cancelCheck(): Promise<void>;
  run(targets: ImportTargets): Promise<ImportResult | null>;
  cancelRun(): Promise<void>;
  /** The rejected rows with their problems, the problems written in `lang`. */
  rejectedCsv(lang: Lang): Promise<TableFile | null>;
  exportTable(siteId: SiteId, format: 'csv' | 'xlsx'): Promise<TableFile | null>;
  /** The blank template Doorman ships, to fill in and import. */
  template(format: 'csv' | 'xlsx'): Promise<TableFile | null>;
  reset(): void;
  /** Follow `imports.progress` for the current import. Returns the unsubscribe. */
  watch(): () => void;
}

class UploadCancelled extends Error {}

const INITIAL = {
  siteId: null,
  phase: 'idle' as ImportPhase,
  upload: null,
  uploadCancelled: false,
  checkProgress: null,
  checkCancelled: false,
  importId: null,
  plan: null,
  progress: null,
  result: null,
  error: null,
};

/** The bulk import: upload, dry run, import with progress and cancel, rejected rows, people export. */
export function createImportStore(client: ApiClient, maxPieceChars = MAX_PIECE_CHARS): StoreApi<ImportStore> {
  let serial = 0;
  let cancelRequested = false;

  return createStore<ImportStore>()((set, get) => ({
    ...INITIAL,
    exporting: false,

    async check(siteId, table, photos, choices = { faceCheck: true, forcePhoto: false }) {
      const mine = ++serial;
      cancelRequested = false;
      const total = table.size + photos.reduce((sum, p) => sum + p.size, 0);
      let sent = 0;
      set({ ...INITIAL, siteId, phase: 'uploading', upload: { name: table.name, done: 0, total } });

      /** Each piece of a file, base64, in order; stops when cancelled or superseded. */
      async function* pieces(file: UploadFile): AsyncGenerator<string> {
        for (const [start, end] of pieceRanges(file.size, maxPieceChars)) {
          if (cancelRequested || mine !== serial) throw new UploadCancelled();
          const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
          yield bytesToBase64(bytes);
          sent += end - start;
          if (mine === serial) set({ upload: { name: file.name, done: sent, total } });
        }
      }

      try {
        let importId: string | null = null;
        for await (const base64 of pieces(table)) {
          if (importId === null) importId = (await client.call('imports.begin', { siteId, fileName: table.name, base64 })).importId;
          else await client.call('imports.appendTable', { importId, base64 });
        }
        if (importId === null) throw new UploadCancelled();
        set({ importId });
        for (const photo of photos) {
          set({ upload: { name: photo.name, done: sent, total } });
          let append = false;
          for await (const base64 of pieces(photo)) {
            await client.call('imports.addPhoto', { importId, fileName: photo.name, base64, append });
            append = true;
          }
        }
        if (cancelRequested || mine !== serial) throw new UploadCancelled();
        set({ phase: 'planning', upload: null });
        const plan = await client.call('imports.plan', { importId, ...choices });
        if (mine !== serial) return null;
        set({ phase: 'planned', plan, checkProgress: null });
        return plan;
      } catch (error) {
        if (mine !== serial) return null;
        const body = error instanceof UploadCancelled ? null : errorBody(error);
        if (!body) set({ ...INITIAL, siteId, uploadCancelled: true });
        else if (body.code === 'cancelled') set({ ...INITIAL, siteId, checkCancelled: true });
        else set({ phase: 'idle', upload: null, checkProgress: null, error: body });
        return null;
      }
    },

    cancelUpload() {
      cancelRequested = true;
    },

    async cancelCheck() {
      const { importId, phase } = get();
      if (phase === 'uploading') cancelRequested = true;
      if (phase !== 'planning' || importId === null) return;
      try {
        await client.call('imports.cancel', { importId });
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    async run(targets) {
      const { importId, plan } = get();
      if (importId === null || plan === null) return null;
      set({ phase: 'running', progress: { done: 0, total: plan.planned }, result: null, error: null });
      try {
        const result = await client.call('imports.run', { importId, targets });
        if (get().importId !== importId) return null;
        set((s) => ({ phase: 'done', result, progress: s.progress ? { ...s.progress, done: result.imported } : null }));
        return result;
      } catch (error) {
        if (get().importId === importId) set({ phase: 'planned', error: errorBody(error) });
        return null;
      }
    },

    async cancelRun() {
      const { importId } = get();
      if (importId === null) return;
      try {
        await client.call('imports.cancel', { importId });
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    async rejectedCsv(lang) {
      const { importId } = get();
      if (importId === null) return null;
      try {
        return await client.call('imports.rejectedCsv', { importId, lang });
      } catch (error) {
        set({ error: errorBody(error) });
        return null;
      }
    },

    async exportTable(siteId, format) {
      set({ exporting: true, error: null });
      try {
        const file = await client.call('people.exportTable', { siteId, format });
        set({ exporting: false });
        return file;
      } catch (error) {
        set({ exporting: false, error: errorBody(error) });
        return null;
      }
    },

    async template(format) {
      set({ error: null });
      try {
        return await client.call('imports.template', { format });
      } catch (error) {
        set({ error: errorBody(error) });
        return null;
      }
    },

    reset() {
      serial++;
      cancelRequested = true;
      set({ ...INITIAL });
    },

    watch() {
      return client.on('imports.progress', (event) => {
        if (event.importId !== get().importId) return;
        const phase = get().phase;
        if (event.phase === 'check' && phase === 'planning') set({ checkProgress: { done: event.done, total: event.total } });
        if (event.phase === 'import' && phase === 'running') set({ progress: { done: event.done, total: event.total } });
      });
    },
  }));
}

export const importStore = createImportStore(api);

export function useImports<T>(selector: (state: ImportStore) => T): T {
  return useStore(importStore, selector);
}
