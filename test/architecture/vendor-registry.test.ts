import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The modules a file loads when it is imported: static imports and re-exports, not `import type` nor `import()`. */
function runtimeImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier)) out.push(statement.moduleSpecifier.text);
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) out.push(statement.moduleSpecifier.text);
  }
  return out;
}

/** What importing `start` loads: the repo files and the packages. */
function loadedBy(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(posix.normalize(posix.join(posix.dirname(file), specifier)));
      else packages.add(specifier);
    }
  };
  visit(start);
  return { files, packages };
}

describe('the vendor registry (issue 13 item 2)', () => {
  it('is light: importing it loads the descriptors, their fingerprints and the contract, never a driver', () => {
    const { files, packages } = loadedBy('electron/drivers/registry.ts');
    const light = /^(shared\/.*|electron\/drivers\/(registry|vendor-descriptor|envelope-reading)\.ts|electron\/drivers\/[a-z0-9-]+\/(index|fingerprint)\.ts)$/;
    expect([...files].filter((file) => !light.test(file))).toEqual([]);
    expect([...packages]).toEqual(['zod']);
    // The drivers are still reached, lazily, by each descriptor's load().
    expect(files.has('electron/drivers/zkbio/index.ts') && files.has('electron/drivers/hongtu/index.ts')).toBe(true);
  });

  it('is what the scanner reaches electron/drivers through, so the scanner is light too', () => {
    const { files } = loadedBy('electron/scan/scan-engine.ts');
    expect([...files].filter((file) => /^electron\/drivers\/[a-z0-9-]+\/(?!index|fingerprint)/.test(file))).toEqual([]);
  });
});
