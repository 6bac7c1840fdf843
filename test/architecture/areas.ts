import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { importsOf, sourceFiles } from './layers.ts';

/**
 * The order between AREAS (the folders of electron/, shared/ and renderer/src/, plus scripts/ and
 * test/): which areas each one may import. An area may always import itself. An entry is an area
 * (`electron/store`), every area of a root (`shared/*`) or one file (`electron/backends/backend.ts`,
 * the vendor-neutral backend types). The same table is in docs/architecture.md.
 */
export const AREA_RULES: Readonly<Record<string, readonly string[]>> = {
  'shared/rules': ['shared/contract'],
  'shared/contract': ['shared/rules'],
  'shared/i18n': ['shared/contract', 'shared/rules'],
  'shared/vendor-events': ['shared/contract'],

  'electron/log': ['shared/*'],
  'electron/net': ['shared/*'],
  'electron/secrets': ['shared/*'],
  'electron/api': ['shared/*'],
  'electron/store': ['shared/*'],
  'electron/app': ['electron/api', 'package.json', 'shared/*'],
  'electron/photos': ['electron/backends/backend.ts', 'shared/*'],
  'electron/drivers': ['electron/backends/backend.ts', 'electron/photos', 'electron/log', 'electron/net', 'shared/*'],
  'electron/backends': ['electron/api', 'electron/drivers', 'electron/log', 'electron/secrets', 'electron/store', 'shared/*'],
  'electron/receivers': ['electron/api', 'electron/backends', 'electron/log', 'electron/net', 'electron/store', 'shared/*'],
  'electron/sites': ['electron/api', 'electron/store', 'shared/*'],
  'electron/commissioning': ['electron/api', 'electron/backends', 'electron/drivers', 'shared/*'],
  'electron/outbox': ['electron/api', 'electron/store', 'shared/*'],
  /** The scanner iterates the vendors' descriptors (ports, probes, envelopes) through the registry. */
  'electron/scan': ['electron/api', 'electron/drivers/registry.ts', 'electron/log', 'electron/store', 'shared/*'],
  'electron/people': ['electron/api', 'electron/backends', 'electron/outbox', 'electron/photos', 'electron/store', 'shared/*'],
  'electron/import': ['electron/api', 'electron/outbox', 'electron/people', 'electron/photos', 'electron/store', 'shared/*'],
  'electron/door-tests': ['electron/api', 'electron/backends', 'electron/drivers', 'electron/log', 'electron/store', 'shared/*'],
  'electron/sync': ['electron/api', 'electron/backends', 'electron/drivers', 'electron/log', 'electron/people', 'electron/store', 'shared/*'],
  'electron/events': ['electron/api', 'electron/backends', 'electron/drivers', 'electron/log', 'electron/receivers', 'electron/store', 'electron/sync', 'shared/*'],
  'electron/reports': ['electron/api', 'electron/backends', 'electron/store', 'shared/*'],
  'electron/history': ['electron/api', 'electron/backends', 'electron/import', 'electron/store', 'shared/*'],
  'electron/tools': ['electron/api', 'electron/drivers', 'shared/*'],
  'electron/alarms': ['electron/api', 'electron/backends', 'electron/log', 'electron/store', 'shared/*'],
  'electron/doors': ['electron/api', 'electron/backends', 'electron/log', 'electron/store', 'shared/*'],
  'electron/event-photos': ['electron/api', 'electron/log', 'electron/store', 'shared/*'],
  'electron/bridge': ['electron/api', 'electron/drivers', 'electron/log', 'electron/secrets', 'electron/store', 'shared/*'],
  'electron/visitors': ['electron/api', 'electron/backends', 'electron/log', 'electron/people', 'electron/photos', 'electron/store', 'shared/*'],
  'electron/core': [
    'electron/alarms', 'electron/api', 'electron/app', 'electron/backends', 'electron/commissioning', 'electron/door-tests', 'electron/import',
    'electron/history', 'electron/log', 'electron/outbox', 'electron/people', 'electron/receivers', 'electron/reports', 'electron/scan',
    'electron/secrets', 'electron/sites', 'electron/store', 'electron/sync', 'electron/tools', 'electron/visitors', 'shared/*', 'electron/events', 'electron/doors', 'electron/event-photos', 'electron/bridge',
  ],
  'electron/cli': ['electron/app', 'electron/backends', 'electron/core', 'electron/drivers', 'electron/import', 'electron/photos', 'electron/reports', 'electron/scan', 'electron/store', 'shared/*'],
  'electron/server': ['electron/api', 'electron/core', 'electron/log', 'electron/net', 'shared/*'],
  'electron/main': ['electron/api', 'electron/core', 'electron/secrets', 'shared/*'],
  'electron/preload': ['shared/*'],

  'renderer/api': ['shared/*'],
  'renderer/face': ['shared/*'],
  'renderer/stores': ['renderer/api', 'shared/*'],
  /** The helpers at the root of renderer/src (routes, i18n set-up, error text, dates). */
  'renderer/src': ['renderer/stores', 'shared/*'],
  'renderer/components': ['renderer/src', 'renderer/stores', 'shared/*'],
  'renderer/pages': ['renderer/src', 'renderer/api', 'renderer/stores', 'renderer/components', 'renderer/face', 'shared/*'],
  /** renderer/src/pages.ts: the list of pages, read by the navigation and the app. */
  'renderer/page-list': ['renderer/pages', 'renderer/src', 'shared/*'],
  'renderer/shell': ['renderer/src', 'renderer/page-list', 'renderer/api', 'renderer/stores', 'renderer/components', 'shared/*'],
  /** renderer/src/app.tsx and main.tsx: the top. */
  'renderer/app': ['renderer/src', 'renderer/page-list', 'renderer/api', 'renderer/pages', 'renderer/shell', 'renderer/stores', 'renderer/components', 'shared/*'],

  /** Dev scripts (demo, screenshots) start the simulators and Chromium like the e2e tests do. */
  scripts: ['electron/*', 'shared/*', 'test'],
  test: ['*'],
};

/**
 * Files of the app that name a test/ file by a string path (never an import). Only the CLI's `sim`
 * command, a dev-only command that runs a simulator as its own process from a source checkout.
 */
export const TEST_PATH_ALLOWED: readonly string[] = ['electron/cli/commands/sim.ts'];

/** The area of a repo-relative path, or undefined outside the areas (package.json…). */
export function areaOf(path: string): string | undefined {
  const p = path.split(sep).join('/').split('/');
  if (p[0] === 'electron' || p[0] === 'shared') return p.length > 2 ? `${p[0]}/${p[1]}` : undefined;
  if (p[0] === 'renderer' && p[1] === 'src') {
    if (p.length > 3) return `renderer/${p[2]}`;
    if (p[2] === 'pages.ts') return 'renderer/page-list';
    return p[2] === 'app.tsx' || p[2] === 'main.tsx' ? 'renderer/app' : 'renderer/src';
  }
  if (p[0] === 'scripts' || p[0] === 'test') return p[0];
  return undefined;
}

/** Every file → the repo files it imports (relative imports only, resolved as TypeScript does). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export interface AreaViolation {
  readonly file: string;
  readonly target: string;
  readonly rule: string;
}

function allows(entry: string, target: string, targetArea: string | undefined): boolean {
  if (entry === '*') return true;
  if (entry === target) return true;
  if (entry.endsWith('/*')) return targetArea?.startsWith(entry.slice(0, -1)) ?? false;
  return entry === targetArea;
}

/** Every import that goes against the area table. */
export function checkAreas(graph: ImportGraph, rules: Readonly<Record<string, readonly string[]>> = AREA_RULES): AreaViolation[] {
  const violations: AreaViolation[] = [];
  for (const [file, targets] of graph) {
    const area = areaOf(file);
    if (!area) continue;
    const allowed = rules[area];
    for (const target of targets) {
      const targetArea = areaOf(target);
      if (targetArea === area) continue;
      if (!allowed) {
        violations.push({ file, target, rule: `${area} is not in the area table` });
      } else if (!allowed.some((entry) => allows(entry, target, targetArea))) {
        violations.push({ file, target, rule: `${area} may not import ${targetArea ?? target}` });
      }
    }
  }
  return violations;
}

/** The import cycles between files (each a strongly connected set, sorted), type-only included. */
export function cyclesOf(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(members.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/**
 * The cycles between areas. A file the table allows on its own (an entry naming one file, e.g.
 * the vendor-neutral `electron/backends/backend.ts`) counts as its own node, not as its area.
 */
export function areaCyclesOf(graph: ImportGraph, rules: Readonly<Record<string, readonly string[]>> = AREA_RULES): string[][] {
  const singled = new Set(Object.values(rules).flat().filter((entry) => /\.[a-z]+$/.test(entry) && entry !== 'package.json'));
  const nodeOf = (file: string) => (singled.has(file) ? file : (areaOf(file) ?? file));
  const areas = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = nodeOf(file);
    const out = areas.get(from) ?? new Set<string>();
    areas.set(from, out);
    for (const target of targets) if (nodeOf(target) !== from) out.add(nodeOf(target));
  }
  return cyclesOf(new Map([...areas].map(([area, out]) => [area, [...out]])));
}

/** `../../test/…` written as a string in an app file (e.g. a path handed to a child process). */
export function testPathsOf(file: string, source: string): string[] {
  if (!/^(electron|shared|renderer)\//.test(file.split(sep).join('/'))) return [];
  return [...source.matchAll(/['"`]((?:\.\.\/)+test\/[^'"`]*)['"`]/g)].map((m) => m[1]!);
}

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The import graph of source texts (repo path → text); `isFile` tells which paths exist. */
export function graphOfSources(sources: ReadonlyMap<string, string>, isFile: (path: string) => boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, source] of sources) {
    const targets: string[] = [];
    for (const specifier of importsOf(source)) {
      if (!specifier.startsWith('.')) continue;
      const base = posix.normalize(posix.join(posix.dirname(file), specifier.replace(/\?.*$/, '')));
      targets.push(CANDIDATES.map((ext) => base + ext).find(isFile) ?? base);
    }
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import graph of the repo's source trees. */
export function importGraph(root: string, dirs: readonly string[] = ['shared', 'electron', 'renderer', 'scripts', 'test']): Map<string, string[]> {
  const files = dirs.flatMap((dir) => sourceFiles(root, dir)).map((f) => f.split(sep).join('/'));
  const sources = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')] as const));
  return graphOfSources(sources, (p) => existsSync(join(root, p)) && statSync(join(root, p)).isFile());
}
