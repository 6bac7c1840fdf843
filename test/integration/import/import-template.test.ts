import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const resources = fileURLToPath(new URL('../../../resources/', import.meta.url));
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
});

describe('the import template through the API (the Import page’s Download template)', () => {
  it('gives the shipped CSV and XLSX byte for byte, under their own names', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await call(core, 'imports.template', { format });
      expect(file.fileName).toBe(`people-template.${format}`);
      expect(Buffer.from(file.base64, 'base64').equals(readFileSync(`${resources}people-template.${format}`))).toBe(true);
    }
  });

  it('says which file is missing when the install lacks it', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node', resourcesDir: tempDir() });
    const reply = await core.dispatch('imports.template', { format: 'csv' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).toContain('people-template.csv');
  });
});
