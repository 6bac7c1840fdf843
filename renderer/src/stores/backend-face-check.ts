import type { Backend } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import { api } from '../api/client.ts';
import { errorBody } from './api-error.ts';

/** One backend's answer to its own face check of a photo (or why it could not answer). */
export interface BackendFaceVerdict {
  readonly backend: Backend;
  readonly ok: boolean;
  readonly advice: { readonly en: string; readonly 'zh-CN': string } | null;
  readonly error: ApiErrorBody | null;
}

/** Asks each backend's own face check (people.checkFace) about the photo, one after another. */
export async function askBackendsFaceCheck(backends: readonly Backend[], jpegBase64: string): Promise<BackendFaceVerdict[]> {
  const results: BackendFaceVerdict[] = [];
  for (const backend of backends) {
    try {
      const r = await api.call('people.checkFace', { backendId: backend.id, jpegBase64 });
      results.push({ backend, ok: r.ok, advice: r.advice, error: null });
    } catch (error) {
      results.push({ backend, ok: false, advice: null, error: errorBody(error) });
    }
  }
  return results;
}
