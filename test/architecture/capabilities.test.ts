import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract/index.ts';
import { CAPABILITIES, hollow } from './capabilities.ts';
import { sourceFiles } from './layers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

type Factory = (...deps: unknown[]) => Record<string, unknown>;

describe('one layout per capability in the core', () => {
  it('cover every method of the contract once, by the contract tables', () => {
    const all = CAPABILITIES.flatMap((c) => Object.keys(c.methods));
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Object.keys(methods).sort());
  });

  it.each(CAPABILITIES)('give $area its folder with a service and a handler table', ({ folder }) => {
    expect(existsSync(`${root}electron/${folder}/${folder}-service.ts`)).toBe(true);
    expect(existsSync(`${root}electron/${folder}/${folder}-handlers.ts`)).toBe(true);
  });

  it.each(CAPABILITIES)('make $area handlers for exactly the methods of its contract table', async ({ area, folder, methods: table }) => {
    const module = (await import(`../../electron/${folder}/${folder}-handlers.ts`)) as Record<string, Factory>;
    expect(Object.keys(module)).toEqual([`${area}Handlers`]);
    const factory = module[`${area}Handlers`]!;
    const handlers = factory(...Array.from({ length: factory.length }, (_, i) => hollow(`dep${i}`)));
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(table).sort());
    expect(Object.values(handlers).every((h) => typeof h === 'function')).toBe(true);
  });

  it('run SQL only in persistence (electron/store/*-table.ts)', () => {
    const sql = sourceFiles(root, 'electron')
      .filter((file) => !file.startsWith('electron/store/'))
      .filter((file) => /\.(prepare|transaction)\(|\bdb\.exec\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(sql).toEqual([]);
  });

  it('leave no electron/services folder', () => {
    expect(existsSync(`${root}electron/services`)).toBe(false);
  });
});
