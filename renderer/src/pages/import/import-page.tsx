import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.tsx';
import { TargetPicker, targetList, type Targets } from '../../components/target-picker.tsx';
import { SEVERITY_TONES } from '../../components/tones.ts';
import { currentLang } from '../../i18n.ts';
import { hrefFor } from '../../routes.ts';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { importStore, useImports } from '../../stores/imports.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { DepartmentMapping } from './department-mapping.tsx';
import { ExistingPeople } from './existing-people.tsx';
import { PlanPreview } from './plan-preview.tsx';
import { saveFile as download } from './file-download.ts';
import { columnLabel, isPhotoName, percent, problemText, visibleProblems } from './import-logic.ts';
import { TemplateDownload } from './template-download.tsx';
import './import.css';

/** Photos from the file picker and the folder picker, by file name (the folder's copy of a name last). */
function mergePhotos(...lists: readonly File[][]): File[] {
  const byName = new Map<string, File>();
  for (const file of lists.flat()) if (isPhotoName(file.name)) byName.set(file.name, file);
  return [...byName.values()];
}

/** Bulk import from a CSV/XLSX table and a folder of photos: dry run, targets, import, rejected rows; people export. */
export function ImportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);
  const { phase, upload, uploadCancelled, checkProgress, checkCancelled, plan, progress, result, error, exporting } = useImports((s) => s);
  const [table, setTable] = useState<File | null>(null);
  const [pickedPhotos, setPickedPhotos] = useState<File[]>([]);
  const [folderPhotos, setFolderPhotos] = useState<File[]>([]);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [faceCheck, setFaceCheck] = useState(true);
  const [forcePhoto, setForcePhoto] = useState(false);
  const [chosen, setChosen] = useState<{ siteId: number | null; targets: Targets }>({ siteId: null, targets: {} });
  const targets = chosen.siteId === siteId ? chosen.targets : {};
  const setTargets = (next: Targets) => setChosen({ siteId, targets: next });

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    // The import belongs to the site it was checked for; another site starts afresh.
    const state = importStore.getState();
    if (state.siteId !== null && state.siteId !== siteId) state.reset();
  }, [siteId]);
  useEffect(() => importStore.getState().watch(), []);

  const photos = useMemo(() => mergePhotos(pickedPhotos, folderPhotos), [pickedPhotos, folderPhotos]);
  const problems = useMemo(() => visibleProblems(plan?.problems ?? [], errorsOnly), [plan, errorsOnly]);
  const busy = phase === 'uploading' || phase === 'planning' || phase === 'running';

  function filesChanged() {
    if (importStore.getState().phase !== 'idle') importStore.getState().reset();
  }

  async function exportPeople(format: 'csv' | 'xlsx') {
    if (siteId === null) return;
    const file = await importStore.getState().exportTable(siteId, format);
    if (file) download(file);
  }

  async function downloadRejected() {
    const file = await importStore.getState().rejectedCsv(currentLang());
    if (file) download(file);
  }

  if (siteId === null) {
    return (
      <div className="page">
        <h1 className="page-title">{t('importPage.title')}</h1>
        <p className="empty">{t('importPage.noSite')}</p>
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t('importPage.title')}</h1>
        <p className="page-intro">{t('importPage.intro')}</p>
      </header>

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

      {plan ? (
        <section className="card" aria-labelledby="import-summary-title" data-testid="import-summary" data-planned={plan.planned} data-rejected={plan.rejected}>
          <h2 className="card-title" id="import-summary-title">
            {t('importPage.summaryTitle')}
          </h2>
          <dl className="import-counts">
            <div>
              <dt>{t('importPage.ready')}</dt>
              <dd data-testid="import-ready">{plan.planned}</dd>
            </div>
            <div>
              <dt>{t('importPage.newPeople')}</dt>
              <dd data-testid="import-new-people">{plan.newPeople}</dd>
            </div>
            <div>
              <dt>{t('importPage.updates')}</dt>
              <dd data-testid="import-updates-count">{plan.updates.length}</dd>
            </div>
            <div>
              <dt>{t('importPage.rejected')}</dt>
              <dd>{plan.rejected}</dd>
            </div>
            <div>
              <dt>{t('importPage.problems')}</dt>
              <dd>{plan.problems.length}</dd>
            </div>
            <div>
              <dt>{t('importPage.unmatched')}</dt>
              <dd>{plan.unmatchedPhotos.length}</dd>
            </div>
          </dl>
          {plan.faceCheck ? null : (
            <p className="hint" data-testid="import-face-check-off">
              {t('importPage.faceCheckOff')}
            </p>
          )}
          {plan.unmatchedPhotos.length > 0 ? (
            <p className="hint mono" data-testid="import-unmatched">
              {plan.unmatchedPhotos.join(', ')}
            </p>
          ) : null}
          {plan.problems.length === 0 ? (
            <p className="empty">{t('importPage.noProblems')}</p>
          ) : (
            <>
              <label className="choice import-filter">
                <input type="checkbox" data-testid="import-errors-only" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)} />
                {t('importPage.errorsOnly')}
              </label>
              <table className="table" data-testid="import-problems">
                <thead>
                  <tr>
                    <th>{t('importPage.column.row')}</th>
                    <th>{t('importPage.column.column')}</th>
                    <th>{t('importPage.column.severity')}</th>
                    <th>{t('importPage.column.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={`${p.row}-${p.column?.letter ?? ''}-${p.code}-${i}`} data-testid="import-problem-row" data-row={p.row} data-column={p.column?.letter ?? ''} data-code={p.code} data-severity={p.severity}>
                      <td>{p.row}</td>
                      <td className="import-column">{columnLabel(p) ?? t('importPage.wholeRow')}</td>
                      <td>
                        <Badge tone={SEVERITY_TONES[p.severity]}>{t(p.severity === 'error' ? 'importPage.error' : 'importPage.warning')}</Badge>
                      </td>
                      <td>{problemText(t, p)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <DepartmentMapping departments={plan.departments} />
          <PlanPreview preview={plan.preview} backends={backends} />
          <ExistingPeople updates={plan.updates} backends={backends} />
          {plan.rejected > 0 ? (
            <button type="button" className="button" data-testid="import-rejected-download" onClick={() => void downloadRejected()}>
              {t('importPage.rejectedDownload')}
            </button>
          ) : null}
        </section>
      ) : null}

      {plan ? (
        <section className="card" aria-labelledby="import-targets-title">
          <h2 className="card-title" id="import-targets-title">
            {t('importPage.targetsStep')}
          </h2>
          <TargetPicker backends={backends} targets={targets} onChange={setTargets} testIdPrefix="import" disabled={phase === 'running' || phase === 'done'} />
        </section>
      ) : null}

      {plan ? (
        <section className="card" aria-labelledby="import-run-title">
          <h2 className="card-title" id="import-run-title">
            {t('importPage.importStep')}
          </h2>
          <div className="import-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="import-run"
              disabled={phase !== 'planned' || plan.planned === 0}
              onClick={() => void importStore.getState().run(targetList(targets))}
            >
              {phase === 'running' ? t('importPage.running') : t('importPage.run', { count: plan.planned })}
            </button>
            {progress && (phase === 'running' || phase === 'done') ? (
              <>
                <progress className="import-bar" value={progress.done} max={Math.max(progress.total, 1)} aria-label={t('importPage.progressLabel')} data-testid="import-progress" data-done={progress.done} data-total={progress.total} />
                <span className="hint">{t('importPage.progress', { done: progress.done, total: progress.total })}</span>
              </>
            ) : null}
            {phase === 'running' ? (
              <button type="button" className="button" data-testid="import-cancel" onClick={() => void importStore.getState().cancelRun()}>
                {t('importPage.cancel')}
              </button>
            ) : null}
          </div>
          {result ? (
            <p role="status" data-testid="import-result" data-imported={result.imported} data-rejected={result.rejected} data-cancelled={result.cancelled}>
              {t(result.cancelled ? 'importPage.resultCancelled' : 'importPage.result', { imported: result.imported, rejected: result.rejected })}{' '}
              <a href={hrefFor('sync')} data-testid="import-sync-queue">
                {t('importPage.syncQueue')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="people-export-title">
        <h2 className="card-title" id="people-export-title">
          {t('importPage.exportTitle')}
        </h2>
        <p className="hint">{t('importPage.exportIntro')}</p>
        <div className="import-actions">
          <button type="button" className="button" data-testid="people-export-csv" disabled={exporting} onClick={() => void exportPeople('csv')}>
            {t('importPage.exportCsv')}
          </button>
          <button type="button" className="button" data-testid="people-export-xlsx" disabled={exporting} onClick={() => void exportPeople('xlsx')}>
            {t('importPage.exportXlsx')}
          </button>
        </div>
      </section>
    </div>
  );
}
