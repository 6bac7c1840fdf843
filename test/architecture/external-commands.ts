import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

/**
 * The external commands the code and the tests start, read from the source: every call of
 * child_process's spawn, spawnSync, execFile, execFileSync, exec, execSync and fork (also through
 * `promisify`), and Playwright's browser launch. A command that is not a literal (nor
 * `process.execPath`) is named in a `// runs: a, b` comment just above the call.
 */
export interface SpawnSite {
  readonly file: string;
  readonly line: number;
  readonly commands: readonly string[];
}

export interface CommandProblem {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
}

const CHILD_PROCESS = new Set(['node:child_process', 'child_process']);
const SPAWNERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']);
const SHELL_SPAWNERS = new Set(['exec', 'execSync']);
const BROWSER_LAUNCHERS = new Set(['launch', 'launchPersistentContext']);
const RUNS_COMMENT = /\/\/\s*runs:\s*([^\n]+)/;

/** `node` stands for Node itself (process.execPath, fork). */
export const NODE = 'node';

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The `// runs:` comment on the lines just above the statement holding `node`. */
function declaredCommands(source: ts.SourceFile, node: ts.Node): string[] | null {
  let statement: ts.Node = node;
  while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent) && !ts.isModuleBlock(statement.parent)) statement = statement.parent;
  const comments = ts.getLeadingCommentRanges(source.text, statement.getFullStart()) ?? [];
  for (const range of comments.reverse()) {
    const match = RUNS_COMMENT.exec(source.text.slice(range.pos, range.end));
    if (match?.[1]) return match[1].split(',').map((c) => c.trim()).filter(Boolean);
  }
  return null;
}

/** `ip netns exec <ns> <command> …` runs `command` too, when it is written out. */
function insideNamespace(command: string, args: ts.Expression | undefined, source: ts.SourceFile): string[] {
  if (command !== 'ip' || !args || !ts.isArrayLiteralExpression(args)) return [];
  const [a, b, , inner] = args.elements;
  const text = (e: ts.Expression | undefined) => (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : null);
  if (text(a) !== 'netns' || text(b) !== 'exec' || !inner) return [];
  if (inner.getText(source) === 'process.execPath') return [NODE];
  const name = text(inner);
  return name ? [name] : [];
}

/** The spawn sites of one file, and the calls whose command cannot be told. */
export function spawnSitesOf(file: string, text: string): { sites: SpawnSite[]; problems: CommandProblem[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const spawners = new Map<string, string>(); // local name → child_process function
  const namespaces = new Set<string>(); // `import * as cp` / `import cp from`
  const browsers = new Set<string>(); // playwright's chromium / firefox / webkit
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) continue;
    if (CHILD_PROCESS.has(from)) {
      if (clause.name) namespaces.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (SPAWNERS.has(imported)) spawners.set(element.name.text, imported);
        }
      }
    }
    if (/^(@playwright\/test|playwright(-core)?)$/.test(from) && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) browsers.add(element.name.text);
    }
  }
  const sites: SpawnSite[] = [];
  const problems: CommandProblem[] = [];
  const spawnerOf = (callee: ts.Expression): string | undefined => {
    if (ts.isIdentifier(callee)) return spawners.get(callee.text);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text) && SPAWNERS.has(callee.name.text)) return callee.name.text;
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    // `const run = promisify(execFile)`: `run` spawns as execFile does.
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      const wrapped = call.arguments[0];
      if (ts.isIdentifier(call.expression) && call.expression.text === 'promisify' && wrapped) {
        const spawner = spawnerOf(wrapped);
        if (spawner) spawners.set(node.name.text, spawner);
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const spawner = spawnerOf(callee);
      const line = lineOf(source, node);
      if (spawner) {
        const first = node.arguments[0];
        if (spawner === 'fork') {
          sites.push({ file, line, commands: [NODE] });
        } else if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          const command = SHELL_SPAWNERS.has(spawner) ? (first.text.trim().split(/\s+/)[0] ?? '') : first.text;
          sites.push({ file, line, commands: [command, ...insideNamespace(command, node.arguments[1], source)] });
        } else if (first && first.getText(source) === 'process.execPath') {
          sites.push({ file, line, commands: [NODE] });
        } else {
          const declared = declaredCommands(source, node);
          if (declared) sites.push({ file, line, commands: declared });
          else problems.push({ file, line, problem: `${spawner}(${first?.getText(source) ?? ''}, …): the command is not a literal; name what it runs in a \`// runs: …\` comment above the call` });
        }
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && browsers.has(callee.expression.text) && BROWSER_LAUNCHERS.has(callee.name.text)) {
        sites.push({ file, line, commands: [callee.expression.text] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { sites, problems };
}

/**
 * The needs of each `scripts/dev.sh` purpose (`needs_test="… cmd=package …"`, `$needs_x` expanded):
 * purpose → the commands it provides.
 */
export function devShNeeds(text: string): Map<string, Set<string>> {
  const raw = new Map<string, string>();
  for (const match of text.matchAll(/^needs_(\w+)="([^"]*)"/gm)) raw.set(match[1] ?? '', match[2] ?? '');
  const expand = (value: string, depth = 0): string[] =>
    value
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((item) => {
        const ref = /^\$\{?needs_(\w+)\}?$/.exec(item);
        if (ref) return depth < 5 ? expand(raw.get(ref[1] ?? '') ?? '', depth + 1) : [];
        return [item.split('=')[0] ?? item];
      });
  return new Map([...raw.keys()].map((purpose) => [purpose, new Set(expand(raw.get(purpose) ?? ''))]));
}

/**
 * Which dev.sh purpose must provide a file's commands: the benchmarks', the tests' (test/ and
 * `npm test`'s runner), or the app's (electron/ and the other scripts, run by start, web, demo and
 * cli; the widest of those is `report`).
 */
export function purposeOf(file: string): string {
  const path = file.split(sep).join('/');
  if (path.startsWith('test/bench/')) return 'bench';
  if (path.startsWith('test/') || path === 'scripts/test.ts') return 'test';
  return 'report';
}

/** The commands no set-up provides: not Node, not an npm package's bin, not in dev.sh's needs for the file's purpose. */
export function unprovided(sites: readonly SpawnSite[], needs: Map<string, Set<string>>, root: string): CommandProblem[] {
  const problems: CommandProblem[] = [];
  for (const site of sites) {
    const purpose = purposeOf(site.file);
    for (const command of site.commands) {
      if (command === NODE) continue;
      if (existsSync(join(root, 'node_modules', '.bin', command))) continue;
      if (needs.get(purpose)?.has(command)) continue;
      problems.push({ file: site.file, line: site.line, problem: `${command} is started here, but scripts/dev.sh's needs_${purpose} does not provide it (add \`${command}=<Debian package>\`)` });
    }
  }
  return problems;
}
