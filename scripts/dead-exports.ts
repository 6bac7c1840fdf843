// `node scripts/dead-exports.ts`: lists the exports of electron/, shared/ and renderer/src/ that no
// other file imports (tests and scripts count as importers), using the TypeScript compiler of the
// two tsconfigs. An export used only inside its own file is listed as "(used in its file)": drop
// the `export`; one used nowhere can go. Exits 1 when it lists anything.
// `--unexport <folder>…`: drops the `export` of those used in their file, under the folders given.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKED = ['electron/', 'shared/', 'renderer/src/'];
// Modules read with a computed import() (every export is used): the catalog-agreement tests.
const READ_WHOLE = ['electron/drivers/hongtu/endpoints.ts', 'electron/drivers/k30/endpoints.ts'];
// Entry points: their exports are for a runtime, not for an importer.
const ENTRIES = ['electron/main/index.ts', 'electron/preload/index.ts', 'renderer/src/main.tsx'];

function program(tsconfig: string): ts.Program {
  const file = join(root, tsconfig);
  const config = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(file));
  return ts.createProgram(parsed.fileNames, parsed.options);
}

// Declarations by place (file and offset): the two programs parse shared files twice.
const used = new Set<string>();
const place = (d: ts.Declaration) => `${d.getSourceFile().fileName}:${d.getStart()}`;
const wholeModules = new Set<string>(READ_WHOLE.map((f) => join(root, f)));
const exported = new Map<string, { file: string; line: number; name: string; declarations: readonly ts.Declaration[]; localUse: boolean; onlyTypeOf: boolean }>();
const ours = (file: ts.SourceFile) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/') && file.fileName.startsWith(root);

function markSymbol(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): void {
  // Every step of a re-export chain is used (`export type { Logger }` of an imported name, too).
  for (let at: ts.Symbol | undefined = symbol, steps = 0; at && steps < 20; steps++) {
    for (const d of at.declarations ?? []) used.add(place(d));
    at = at.flags & ts.SymbolFlags.Alias ? checker.getImmediateAliasedSymbol(at) : undefined;
  }
}

function markModule(checker: ts.TypeChecker, specifier: ts.Expression): void {
  const moduleSymbol = checker.getSymbolAtLocation(specifier);
  if (!moduleSymbol) return;
  for (const d of moduleSymbol.declarations ?? []) wholeModules.add(d.getSourceFile().fileName);
}

for (const tsconfig of ['tsconfig.json', 'renderer/tsconfig.json']) {
  const p = program(tsconfig);
  const checker = p.getTypeChecker();
  for (const file of p.getSourceFiles().filter(ours)) {
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && node.importClause) {
        const clause = node.importClause;
        if (clause.name) markSymbol(checker, checker.getSymbolAtLocation(clause.name));
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) markModule(checker, node.moduleSpecifier);
        if (bindings && ts.isNamedImports(bindings)) for (const s of bindings.elements) markSymbol(checker, checker.getSymbolAtLocation(s.name));
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) markModule(checker, node.moduleSpecifier);
        else for (const s of node.exportClause.elements) markSymbol(checker, checker.getExportSpecifierLocalTargetSymbol(s));
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        markModule(checker, node.arguments[0]);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        markModule(checker, node.argument.literal);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);

    const rel = relative(root, file.fileName);
    if (!CHECKED.some((dir) => rel.startsWith(dir)) || ENTRIES.includes(rel)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const declarations = symbol.declarations ?? [];
      const own = declarations.filter((d) => d.getSourceFile() === file);
      if (own.length === 0 || symbol.name === 'default') continue;
      const key = `${rel}:${symbol.name}`;
      if (exported.has(key)) continue;
      const first = own[0]!;
      const line = file.getLineAndCharacterOfPosition(first.getStart()).line + 1;
      // Used in its own file: any identifier of that name, other than the declaration, resolving to it.
      let localUse = false;
      let valueUse = false;
      const look = (node: ts.Node): void => {
        if (localUse && valueUse) return;
        if (ts.isIdentifier(node) && node.text === symbol.name && !own.some((d) => (d as ts.NamedDeclaration).name === node)) {
          const at = ts.isShorthandPropertyAssignment(node.parent) ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
          if (at === symbol || (at && at.declarations?.some((d) => own.includes(d)))) {
            localUse = true;
            if (!ts.findAncestor(node, ts.isTypeQueryNode)) valueUse = true;
          }
        }
        ts.forEachChild(node, look);
      };
      look(file);
      // A value read only by `typeof` (a list whose type is exported) keeps its export: without it,
      // the linter calls the value unused (no-unused-vars, "only used as a type"). Not listed.
      const onlyTypeOf = localUse && !valueUse && own.some(ts.isVariableDeclaration);
      exported.set(key, { file: rel, line, name: symbol.name, declarations: own, localUse, onlyTypeOf });
    }
  }
}

const dead = [...exported.values()].filter((e) => !e.onlyTypeOf && !wholeModules.has(join(root, e.file)) && !e.declarations.some((d) => used.has(place(d))));
for (const e of dead.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
  console.log(`${e.file}:${e.line}  ${e.name}${e.localUse ? '  (used in its file)' : ''}`);
}

const unexport = process.argv.indexOf('--unexport');
if (unexport >= 0) {
  const folders = process.argv.slice(unexport + 1);
  const edits = new Map<string, number[]>();
  for (const e of dead.filter((d) => d.localUse && folders.some((f) => d.file.startsWith(f)))) {
    for (const d of e.declarations) {
      const keyword = ts.canHaveModifiers(d) ? ts.getModifiers(d)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword) : undefined;
      const at = keyword ?? (ts.isVariableDeclaration(d) ? ts.getModifiers(d.parent.parent as ts.VariableStatement)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword) : undefined);
      if (!at) {
        console.log(`  not changed (not an \`export\` keyword): ${e.file}:${e.line} ${e.name}`);
        continue;
      }
      const file = join(root, e.file);
      edits.set(file, [...(edits.get(file) ?? []), at.getStart()]);
    }
  }
  for (const [file, starts] of edits) {
    let text = readFileSync(file, 'utf8');
    for (const start of [...new Set(starts)].sort((a, b) => b - a)) text = text.slice(0, start) + text.slice(start).replace(/^export\s+/, '');
    writeFileSync(file, text);
  }
  console.log(`unexported in ${edits.size} files`);
}
process.exitCode = dead.length > 0 ? 1 : 0;
