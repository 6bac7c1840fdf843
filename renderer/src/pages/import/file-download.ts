import { base64ToBytes } from '../../stores/import-pieces.ts';
import { mimeOf } from './import-logic.ts';

/** A file the core sent: its name and its bytes in base64. */
interface SentFile {
  readonly fileName: string;
  readonly base64: string;
}

/** Saves a file the core sent (base64) through an `<a download>` on a blob: URL. */
export function saveFile(file: SentFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: mimeOf(file.fileName) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
