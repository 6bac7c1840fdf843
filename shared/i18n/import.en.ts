import { IMPORT_LIMITS, sizeText } from '../rules/import-limits.ts';

const count = (n: number) => n.toLocaleString('en-US');
const L = IMPORT_LIMITS;

/** English texts of the bulk import and people export (keys shared with import.zh-CN.ts). */
export const importEn = {
  importPage: {
    title: 'Import people',
    intro: 'Import many people at once from a CSV or XLSX spreadsheet and a folder of photos. The check lists every problem by row and column and saves nothing; the import then saves the good rows and queues them for the chosen backends.',
    noSite: 'Choose a site on the Sites page first.',
    fileStep: '1. Spreadsheet and photos',
    table: 'Spreadsheet (CSV or XLSX)',
    photos: 'Photos',
    photosFolder: 'Or a whole folder of photos',
    photosHint: 'Photos are matched by file name: <personnel number>.jpg or <ID number>.jpg (JPEG or PNG).',
    photosChosen_one: '{{count}} photo chosen',
    photosChosen_other: '{{count}} photos chosen',
    faceCheck: 'Check the face in every photo',
    faceCheckHint: 'One face, its size and centring in the square Doorman keeps, facing the camera, brightness and sharpness, by the strictest vendor’s photo rules. Each row then keeps the square around the face, as the backends receive it. It takes about half a minute per 1,000 ID-size photos on two cores, about a minute for 12-megapixel phone photos: turn it off for very large imports (only the format and size are then checked).',
    forcePhoto: 'Keep photos that fail the face check (the failures are recorded)',
    check: 'Check (dry run)',
    checking: 'Checking…',
    checkingPhotos: 'Checking photos: {{done}} of {{total}}',
    checkProgressLabel: 'Check progress',
    checkCancelled: 'The check was cancelled; nothing was saved.',
    faceCheckOff: 'The faces in the photos were not checked (format and size only).',
    listSeparator: ', ',
    uploading: 'Uploading {{name}}',
    uploadLabel: 'Upload progress',
    cancel: 'Cancel',
    uploadCancelled: 'The upload was cancelled; nothing was checked.',
    summaryTitle: 'Check result',
    ready: 'Ready to import',
    rejected: 'Rejected rows',
    problems: 'Problems',
    unmatched: 'Photos matching no row',
    noProblems: 'No problems found.',
    errorsOnly: 'Errors only',
    warning: 'Warning',
    error: 'Error',
    column: { row: 'Row', column: 'Column', severity: 'Kind', problem: 'Problem' },
    wholeRow: '—',
    previewTitle: 'Rows to import (first {{count}})',
    preview: { row: 'Row', pin: 'Personnel no.', name: 'Name', photo: 'Photo' },
    noPhoto: 'no photo',
    targetsStep: '2. Target backends',
    importStep: '3. Import',
    run_one: 'Import {{count}} person',
    run_other: 'Import {{count}} people',
    running: 'Importing…',
    progressLabel: 'Import progress',
    progress: '{{done}} of {{total}}',
    result: '{{imported}} imported, {{rejected}} rejected.',
    resultCancelled: 'Cancelled: {{imported}} imported before the cancel, {{rejected}} rejected.',
    syncQueue: 'Follow them in the sync queue on the Enroll page',
    rejectedDownload: 'Download rejected rows (CSV)',
    exportTitle: 'Export people',
    exportIntro: 'All people of this site, in the import’s columns.',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export XLSX',
  },
};

/**
 * The import's refusals (catalog `errors.<code>`): what was too much, the limit (from
 * shared/rules/import-limits.ts), and what to do.
 */
export const importErrorsEn = {
  table_format: 'Doorman reads .csv and .xlsx files. In Excel, use “Save as” and choose one of them.',
  table_unreadable: 'The spreadsheet cannot be read ({{reason}}). Open it in Excel, save it again as .xlsx or CSV, and choose it again.',
  table_empty: 'The spreadsheet has no header row (its first sheet is empty). Start from the template, with the column names in the first row.',
  table_too_large: `The spreadsheet is larger than ${sizeText(L.tableBytes)}, the most Doorman reads in one import. Split it into files of at most ${count(L.rows)} rows and import them one after the other.`,
  table_unzipped_too_large: `The XLSX workbook unpacks to more than ${sizeText(L.unzippedBytes)}, far more than ${count(L.rows)} rows of people need: it may be damaged, or made to exhaust the computer's memory. Open it in Excel and save it again, or split it into files of at most ${count(L.rows)} rows.`,
  table_too_many_rows: `The sheet has more than ${count(L.rows)} rows of people (Doorman stopped reading at row {{row}}). Split it into files of at most ${count(L.rows)} rows and import them one after the other.`,
  table_too_many_columns: `Row {{row}} has more than ${count(L.columns)} columns, the most Doorman reads. Delete the columns that are not needed (only the person columns are imported) and try again.`,
  table_too_many_cells: `The sheet has more than ${count(L.cells)} cells (Doorman stopped reading at row {{row}}). Delete the columns that are not needed, or split the sheet into smaller files.`,
  import_photo_too_large: `The photo “{{fileName}}” is larger than ${sizeText(L.photoBytes)}. Make it smaller or export it again at a smaller size (an ID photo needs well under 1 MB), then choose the photos again.`,
  import_too_many_photos: `One import takes at most ${count(L.photos)} photos. Import the people and their photos in several parts.`,
  import_too_large: `The spreadsheet and photos of one import may take at most ${sizeText(L.importBytes)}. Import the people in several parts, or use smaller photos.`,
  import_staging_full: `Imports being checked or saved right now already hold ${sizeText(L.stagedBytes)} of uploaded files. Wait for them to finish, then try again.`,
};
