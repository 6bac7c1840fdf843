import { useTranslation } from 'react-i18next';
import { importStore } from '../../stores/imports.ts';
import { saveFile } from './file-download.ts';

/** "Download template (CSV / Excel)": the blank table Doorman ships, to fill in and import. */
export function TemplateDownload() {
  const { t } = useTranslation();

  async function downloadTemplate(format: 'csv' | 'xlsx') {
    const file = await importStore.getState().template(format);
    if (file) saveFile(file);
  }

  return (
    <div className="import-template" data-testid="import-template">
      <p className="hint">{t('importPage.templateHint')}</p>
      <div className="import-actions">
        <button type="button" className="button" data-testid="import-template-csv" onClick={() => void downloadTemplate('csv')}>
          {t('importPage.templateCsv')}
        </button>
        <button type="button" className="button" data-testid="import-template-xlsx" onClick={() => void downloadTemplate('xlsx')}>
          {t('importPage.templateXlsx')}
        </button>
      </div>
    </div>
  );
}
