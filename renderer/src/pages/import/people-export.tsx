import { useTranslation } from 'react-i18next';
import type { SiteId } from '../../../../shared/contract/sites.ts';
import { importStore, useImports } from '../../stores/imports.ts';
import { saveFile as download } from './file-download.ts';

async function exportPeople(siteId: SiteId, format: 'csv' | 'xlsx') {
  const file = await importStore.getState().exportTable(siteId, format);
  if (file) download(file);
}

/** The site's people exported as a CSV or XLSX table in the import template's layout. */
export function PeopleExport({ siteId }: { siteId: SiteId }) {
  const { t } = useTranslation();
  const exporting = useImports((s) => s.exporting);

  return (
    <section className="card" aria-labelledby="people-export-title">
      <h2 className="card-title" id="people-export-title">
        {t('importPage.exportTitle')}
      </h2>
      <p className="hint">{t('importPage.exportIntro')}</p>
      <div className="import-actions">
        <button type="button" className="button" data-testid="people-export-csv" disabled={exporting} onClick={() => void exportPeople(siteId, 'csv')}>
          {t('importPage.exportCsv')}
        </button>
        <button type="button" className="button" data-testid="people-export-xlsx" disabled={exporting} onClick={() => void exportPeople(siteId, 'xlsx')}>
          {t('importPage.exportXlsx')}
        </button>
      </div>
    </section>
  );
}
