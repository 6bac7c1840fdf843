import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';
import { VENDORS } from '../../shared/contract/backends.ts';
import { sourceFiles } from './layers.ts';

/**
 * Where a vendor id ('zkbio', 'hongtu', 'k30', 'zhejiang') may be written outside the vendor's own
 * folder (`electron/drivers/<vendor>/`) and the registry (`electron/drivers/registry.ts`). Anywhere
 * else, code iterates the registry (core) or the contract's lists (renderer) instead of naming a
 * vendor. Each entry says why it must name one; a path ending in `/` is a folder.
 */
export const VENDOR_NAMES_ALLOWED: Readonly<Record<string, string>> = {
  'shared/contract/backends.ts': 'the contract: the Vendor enum, each vendor\'s credentials schema and the new-backend union (shared with the renderer, which cannot import electron/)',
  'shared/contract/scan.ts': 'the contract: the kinds a scan names (the scanned vendors among them)',
  'shared/rules/departments.ts': 'a rule the renderer also applies: which vendors keep departments (a Record<Vendor>: the type asks for a new vendor)',
  'shared/rules/device-results.ts': 'a rule the renderer applies: which vendors report per-device push results, so the Sync page waits for them (a Record<Vendor>)',
  'shared/rules/photo-profiles.ts': 'each vendor\'s photo limits, read by the renderer\'s photo check (a Record<Vendor>)',
  'shared/vendor-events/': 'each vendor\'s event names, shown by the renderer',
  'shared/i18n/': 'the catalogs: each vendor\'s name and texts, in both languages',
  'electron/commissioning/': 'the vendors\' set-up steps as the contract\'s typed `commissioning.<vendor>.<step>` methods',
  'electron/cli/commands/sim.ts': 'the dev-only `sim` command: one simulator per vendor under test/simulators/',
  'electron/cli/commands/sign.ts': 'the `sign hongtu` command: Hongtu\'s signature, step by step (the workbench\'s)',
  'renderer/src/pages/backends/': 'the set-up wizards (one per vendor with set-up steps) and the form\'s default vendor; the form\'s vendors and fields come from the contract',
  'renderer/src/pages/workbench/': 'the workbench\'s tabs, one per vendor codec',
};

export interface VendorName {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/**
 * Every vendor id a source text writes as code: a string literal (`'hongtu'`, a literal type), or
 * a property name (`{ zkbio: … }`, `x.zkbio`). Comments and longer strings do not count.
 */
export function vendorNamesIn(file: string, source: string): VendorName[] {
  const ids = new Set<string>(VENDORS);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: VendorName[] = [];
  const visit = (node: ts.Node): void => {
    const named =
      ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && ids.has(node.text) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) ||
      (ts.isIdentifier(node) && ids.has(node.text) && (ts.isPropertyAssignment(node.parent) || ts.isPropertyAccessExpression(node.parent) || ts.isPropertySignature(node.parent)) && node.parent.name === node);
    if (named) found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf) });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Whether a file may name vendors: a vendor's folder, the registry, or an allowed entry. */
export function mayNameVendors(file: string, allowed: Readonly<Record<string, string>> = VENDOR_NAMES_ALLOWED): boolean {
  const path = file.split(sep).join('/');
  if (path === 'electron/drivers/registry.ts') return true;
  if (VENDORS.some((vendor) => path.startsWith(`electron/drivers/${vendor}/`))) return true;
  return Object.keys(allowed).some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}

/** Every vendor id written where the code should iterate the registry instead. */
export function misplacedVendorNames(root: string, dirs: readonly string[] = ['electron', 'shared', 'renderer/src']): VendorName[] {
  return dirs
    .flatMap((dir) => sourceFiles(root, dir))
    .map((file) => file.split(sep).join('/'))
    .filter((file) => !mayNameVendors(file))
    .flatMap((file) => vendorNamesIn(file, readFileSync(join(root, file), 'utf8')));
}
