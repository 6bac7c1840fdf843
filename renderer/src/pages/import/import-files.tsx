import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteId } from '../../../../shared/contract/sites.ts';
import { importStore, useImports } from '../../stores/imports.ts';
import { useErrorText } from '../../use-error-text.ts';
import { isPhotoName, percent } from './import-logic.ts';
import { TemplateDownload } from './template-download.tsx';

/** Photos from the file picker and the folder picker, by file name (the folder's copy of a name last). */
function mergePhotos(...lists: readonly File[][]): File[] {
  const byName = new Map<string, File>();
  for (const file of lists.flat()) if (isPhotoName(file.name)) byName.set(file.name, file);
  return [...byName.values()];
}

/** A new choice of files or photo check discards the dry run made with the old one. */
function filesChanged() {
  if (importStore.getState().phase !== 'idle') importStore.getState().reset();
}

/** Step 1: the table, the photos (files or a folder), the photo check, and the dry run with its upload and check progress. */
export function ImportFiles({ siteId }: { siteId: SiteId }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const phase = useImports((s) => s.phase);
  const upload = useImports((s) => s.upload);
  const uploadCancelled = useImports((s) => s.uploadCancelled);
  const checkProgress = useImports((s) => s.checkProgress);
  const checkCancelled = useImports((s) => s.checkCancelled);
  const error = useImports((s) => s.error);
  const [table, setTable] = useState<File | null>(null);
  const [pickedPhotos, setPickedPhotos] = useState<File[]>([]);
  const [folderPhotos, setFolderPhotos] = useState<File[]>([]);
  const [faceCheck, setFaceCheck] = useState(true);
  const [forcePhoto, setForcePhoto] = useState(false);

  const photos = useMemo(() => mergePhotos(pickedPhotos, folderPhotos), [pickedPhotos, folderPhotos]);
  const busy = phase === 'uploading' || phase === 'planning' || phase === 'running';

  return (
    <section className="card import-files" aria-labelledby="import-files-title">
      <h2 className="card-title" id="import-files-title">
        {t('importPage.fileStep')}
      </h2>
      <TemplateDownload />
      <div className="import-field">
        <label className="field-label" htmlFor="import-file">
          {t('importPage.table')}
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx"
          data-testid="import-file"
          disabled={busy}
          onChange={(e) => {
            setTable(e.target.files?.[0] ?? null);
            filesChanged();
          }}
        />
      </div>
      <div className="import-field">
        <label className="field-label" htmlFor="import-photos">
          {t('importPage.photos')}
        </label>
        <input
          id="import-photos"
          type="file"
          multiple
          accept="image/jpeg,image/png"
          data-testid="import-photos"
          disabled={busy}
          onChange={(e) => {
            setPickedPhotos([...(e.target.files ?? [])]);
            filesChanged();
          }}
        />
        <label className="field-label" htmlFor="import-photos-folder">
          {t('importPage.photosFolder')}
        </label>
        <input
          id="import-photos-folder"
          type="file"
          multiple
          data-testid="import-photos-folder"
          disabled={busy}
          ref={(el) => el?.setAttribute('webkitdirectory', '')}
          onChange={(e) => {
            setFolderPhotos([...(e.target.files ?? [])]);
            filesChanged();
          }}
        />
        <p className="hint">{t('importPage.photosHint')}</p>
        {photos.length > 0 ? <p className="hint" data-testid="import-photo-count">{t('importPage.photosChosen', { count: photos.length })}</p> : null}
      </div>
      <div className="import-field">
        <label className="choice">
          <input
            type="checkbox"
            data-testid="import-face-check"
            checked={faceCheck}
            disabled={busy}
            onChange={(e) => {
              setFaceCheck(e.target.checked);
              filesChanged();
            }}
          />
          {t('importPage.faceCheck')}
        </label>
        <p className="hint">{t('importPage.faceCheckHint')}</p>
        <label className="choice">
          <input
            type="checkbox"
            data-testid="import-force-photo"
            checked={faceCheck && forcePhoto}
            disabled={busy || !faceCheck}
            onChange={(e) => {
              setForcePhoto(e.target.checked);
              filesChanged();
            }}
          />
          {t('importPage.forcePhoto')}
        </label>
      </div>
      <div className="import-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="import-check"
          disabled={busy || table === null}
          onClick={() => table && void importStore.getState().check(siteId, table, photos, { faceCheck, forcePhoto: faceCheck && forcePhoto })}
        >
          {phase === 'uploading' || phase === 'planning' ? t('importPage.checking') : t('importPage.check')}
        </button>
        {upload ? (
          <>
            <progress className="import-bar" value={upload.done} max={Math.max(upload.total, 1)} aria-label={t('importPage.uploadLabel')} data-testid="import-upload-progress" />
            <span className="hint">
              {t('importPage.uploading', { name: upload.name })} ({percent(upload.done, upload.total)}%)
            </span>
            <button type="button" className="button" data-testid="import-upload-cancel" onClick={() => importStore.getState().cancelUpload()}>
              {t('importPage.cancel')}
            </button>
          </>
        ) : null}
        {phase === 'planning' ? (
          <>
            {checkProgress ? (
              <>
                <progress className="import-bar" value={checkProgress.done} max={Math.max(checkProgress.total, 1)} aria-label={t('importPage.checkProgressLabel')} data-testid="import-check-progress" data-done={checkProgress.done} data-total={checkProgress.total} />
                <span className="hint">{t('importPage.checkingPhotos', { done: checkProgress.done, total: checkProgress.total })}</span>
              </>
            ) : null}
            <button type="button" className="button" data-testid="import-check-cancel" onClick={() => void importStore.getState().cancelCheck()}>
              {t('importPage.cancel')}
            </button>
          </>
        ) : null}
      </div>
      {uploadCancelled ? <p className="hint" role="status">{t('importPage.uploadCancelled')}</p> : null}
      {checkCancelled ? (
        <p className="hint" role="status" data-testid="import-check-cancelled">
          {t('importPage.checkCancelled')}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="import-error">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}
