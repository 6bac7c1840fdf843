import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import ts from 'typescript';

/** Where a file runs, from its path (see STYLE.md: "Layers by where code can run"). */
export type Layer = 'shared' | 'core' | 'shell' | 'renderer';

export function layerOf(path: string): Layer | undefined {
  const p = path.split(sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('electron/main/') || p.startsWith('electron/preload/')) return 'shell';
  if (p.startsWith('electron/')) return 'core';
  if (p.startsWith('renderer/')) return 'renderer';
  return undefined;
}

/** Which layers a layer may import from. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  shared: ['shared'],
  core: ['shared', 'core'],
  shell: ['shared', 'core', 'shell'],
  renderer: ['shared', 'renderer'],
};

/** npm packages that need Node: never in code that may run in a browser. */
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'ws', 'pino', 'undici'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Every import, export-from, require and dynamic import in a source text. */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The layer-rule violations of one file (path relative to the repo root). */
export function checkFile(file: string, source: string): Violation[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const violations: Violation[] = [];
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file.split(sep).join('/')), specifier));
      // The app's version comes from package.json; the Node side may read it.
      if (target === 'package.json' && (layer === 'core' || layer === 'shell')) continue;
      const targetLayer = layerOf(target);
      if (!targetLayer || !MAY_IMPORT[layer].includes(targetLayer)) {
        violations.push({ file, specifier, rule: `${layer} may not import ${targetLayer ?? target}` });
      }
      continue;
    }
    const pkg = packageName(specifier);
    if (pkg === 'electron' && layer !== 'shell') {
      violations.push({ file, specifier, rule: `only electron/main and electron/preload may import electron` });
    }
    if ((layer === 'renderer' || layer === 'shared') && (BUILTINS.has(specifier) || BUILTINS.has(pkg) || NODE_ONLY_PACKAGES.includes(pkg))) {
      violations.push({ file, specifier, rule: `${layer} runs in a browser: no Node modules` });
    }
  }
  return violations;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (SOURCE.test(entry.name)) out.push(rel);
  }
  return out;
}

export function checkTree(root: string): Violation[] {
  return ['shared', 'electron', 'renderer']
    .flatMap((dir) => sourceFiles(root, dir))
    .flatMap((file) => checkFile(file, readFileSync(join(root, file), 'utf8')));
}
