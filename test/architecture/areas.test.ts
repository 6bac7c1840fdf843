import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AREA_RULES, areaCyclesOf, areaOf, checkAreas, cyclesOf, graphOfSources, importGraph, TEST_PATH_ALLOWED, testPathsOf } from './areas.ts';
import { sourceFiles } from './layers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('area rules', () => {
  const real = importGraph(root);

  it('hold for every import of the project', () => {
    expect(checkAreas(real)).toEqual([]);
  });

  it('find no import cycle between files, type-only imports included', () => {
    expect(cyclesOf(real)).toEqual([]);
  });

  it('find no cycle between the areas of the core or of the renderer (drivers below backends below the capabilities; persistence below all)', () => {
    expect(areaCyclesOf(real).filter((cycle) => cycle.some((area) => /^(electron|renderer)\//.test(area)))).toEqual([]);
  });

  it('let no app file name a test/ file, except the dev-only sim command', () => {
    const named = ['shared', 'electron', 'renderer']
      .flatMap((dir) => sourceFiles(root, dir))
      .filter((file) => testPathsOf(file, readFileSync(join(root, file), 'utf8')).length > 0);
    expect(named).toEqual(TEST_PATH_ALLOWED);
  });

  it('give every area of the project a row in the table', () => {
    const areas = new Set([...real.keys()].map(areaOf).filter((a) => a !== undefined));
    expect([...areas].filter((a) => !(a in AREA_RULES))).toEqual([]);
  });

  it('place files in areas by folder', () => {
    expect(areaOf('electron/drivers/hongtu/adapter.ts')).toBe('electron/drivers');
    expect(areaOf('shared/contract/index.ts')).toBe('shared/contract');
    expect(areaOf('renderer/src/stores/scan.ts')).toBe('renderer/stores');
    expect(areaOf('renderer/src/app.tsx')).toBe('renderer/app');
    expect(areaOf('renderer/src/pages.ts')).toBe('renderer/page-list');
    expect(areaOf('renderer/src/routes.ts')).toBe('renderer/src');
    expect(areaOf('test/simulators/zkbio/server.ts')).toBe('test');
    expect(areaOf('package.json')).toBeUndefined();
  });

  // Negative cases: fake import graphs fed to the same checker, one per kind of wrong arrow.
  it('fail a driver that reaches up into the store, the receivers or the backends registry', () => {
    expect(checkAreas(graph({ 'electron/drivers/hongtu/push.ts': ['electron/store/events-table.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'electron/drivers/hongtu/push.ts': ['electron/receivers/push-receiver.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'electron/drivers/zkbio/adapter.ts': ['electron/backends/vendors.ts'] }))).toHaveLength(1);
  });

  it('let a driver import drivers, the vendor-neutral backend types, photos and shared/', () => {
    expect(checkAreas(graph({
      'electron/drivers/zkbio/adapter.ts': [
        'electron/drivers/endpoint-table.ts', 'electron/backends/backend.ts', 'electron/photos/image-info.ts', 'shared/contract/backends.ts',
      ],
    }))).toEqual([]);
  });

  it('fail the store importing anything of the core', () => {
    expect(checkAreas(graph({ 'electron/store/backends-table.ts': ['electron/drivers/http/tls-options.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'electron/store/scans-table.ts': ['electron/scan/ipv4.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'electron/store/scans-table.ts': ['shared/rules/ipv4.ts'] }))).toEqual([]);
  });

  it('fail a renderer store importing a page or a component', () => {
    expect(checkAreas(graph({ 'renderer/src/stores/scan.ts': ['renderer/src/pages/scan/scan-logic.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'renderer/src/stores/people.ts': ['renderer/src/components/badge.tsx'] }))).toHaveLength(1);
  });

  it('fail the app importing test/', () => {
    expect(checkAreas(graph({ 'electron/cli/commands/sim.ts': ['test/simulators/zkbio/main.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'renderer/src/app.tsx': ['test/support/chromium.ts'] }))).toHaveLength(1);
    expect(checkAreas(graph({ 'shared/rules/x.ts': ['test/support/x.ts'] }))).toHaveLength(1);
    expect(testPathsOf('electron/cli/commands/x.ts', `const p = '../../../test/simulators/k30/main.ts';`)).toHaveLength(1);
    expect(testPathsOf('test/e2e/x.test.ts', `const p = '../../test/support/x.ts';`)).toEqual([]);
  });

  it('find a cycle between areas even when each arrow is allowed file by file', () => {
    const rules = { 'electron/a': ['electron/b'], 'electron/b': ['electron/a'] };
    const fake = graph({ 'electron/a/x.ts': ['electron/b/y.ts'], 'electron/b/z.ts': ['electron/a/w.ts'], 'electron/a/w.ts': [] });
    expect(checkAreas(fake, rules)).toEqual([]);
    expect(cyclesOf(fake)).toEqual([]);
    expect(areaCyclesOf(fake, rules)).toEqual([['electron/a', 'electron/b']]);
    // The vendor-neutral types file is its own node: drivers → backend.ts ← backends is no cycle.
    expect(areaCyclesOf(graph({
      'electron/drivers/zkbio/adapter.ts': ['electron/backends/backend.ts'],
      'electron/backends/vendors.ts': ['electron/drivers/zkbio/adapter.ts'],
    }))).toEqual([]);
  });

  it('fail an area missing from the table', () => {
    expect(checkAreas(graph({ 'electron/newthing/x.ts': ['electron/store/database.ts'] }))).toHaveLength(1);
  });

  it('find cycles, two files or more, and a file importing itself', () => {
    expect(cyclesOf(graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] }))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cyclesOf(graph({ 'a.ts': ['a.ts'] }))).toEqual([['a.ts']]);
    expect(cyclesOf(graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
  });

  it('find a cycle made only of type imports, through extension-less and index paths', () => {
    const sources = new Map([
      ['renderer/src/pages/w/wizard.tsx', `import { Form } from './form.tsx';`],
      ['renderer/src/pages/w/form.tsx', `import type { Props } from './wizard';`],
      ['electron/a/x.ts', `export type { Y } from '../b';`],
      ['electron/b/index.ts', `import type { X } from '../a/x.ts';`],
    ]);
    const graph = graphOfSources(sources, (p) => sources.has(p));
    expect(cyclesOf(graph)).toEqual([
      ['renderer/src/pages/w/form.tsx', 'renderer/src/pages/w/wizard.tsx'],
      ['electron/a/x.ts', 'electron/b/index.ts'],
    ]);
  });

  it('build the graph from type-only imports too', () => {
    const people = importGraph(root, ['electron/people']).get('electron/people/people-service.ts') ?? [];
    expect(people).toContain('electron/store/outbox-table.ts');
    expect(people.every((t) => !t.startsWith('.'))).toBe(true);
  });
});
