import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/errors.ts';

type TemplateFormat = 'csv' | 'xlsx';

/** The name the template downloads as: the same file the installer gets with Doorman. */
function templateFileName(format: TemplateFormat): string {
  return `people-template.${format}`;
}

/**
 * The blank import template Doorman ships, byte for byte, for the Import page's "Download
 * template" (the renderer cannot read files; this works the same over IPC and the WebSocket).
 */
export async function readTemplate(resourcesDir: string, format: TemplateFormat): Promise<{ fileName: string; base64: string }> {
  const fileName = templateFileName(format);
  let bytes: Buffer;
  try {
    bytes = await readFile(join(resourcesDir, fileName));
  } catch (error) {
    // A broken install: say which file is missing rather than a bare ENOENT.
    throw new ApiError('internal', `The import template ${fileName} is missing from ${resourcesDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { fileName, base64: bytes.toString('base64') };
}
