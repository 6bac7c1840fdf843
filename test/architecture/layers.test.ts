import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, importsOf, layerOf } from './layers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('layer rules', () => {
  it('hold for every file of the project', () => {
    expect(checkTree(root)).toEqual([]);
  });

  it('place files by folder', () => {
    expect(layerOf('electron/main/index.ts')).toBe('shell');
    expect(layerOf('electron/preload/index.ts')).toBe('shell');
    expect(layerOf('electron/store/database.ts')).toBe('core');
    expect(layerOf('shared/contract/index.ts')).toBe('shared');
    expect(layerOf('renderer/src/App.tsx')).toBe('renderer');
  });

  it('read every kind of import', () => {
    const src = `import a from 'a'; import type { B } from "b"; export * from './c.ts';
      const d = await import('d'); const e = require('e');`;
    expect(importsOf(src).sort()).toEqual(['./c.ts', 'a', 'b', 'd', 'e']);
  });

  it('fail a core file that imports electron, even for types', () => {
    expect(checkFile('electron/store/database.ts', `import { app } from 'electron';`)).toHaveLength(1);
    expect(checkFile('electron/sites/sites-service.ts', `import type { App } from 'electron';`)).toHaveLength(1);
    expect(checkFile('electron/api/x.ts', `const { app } = require('electron/main');`)).toHaveLength(1);
  });

  it('let the shell import electron and the core', () => {
    expect(checkFile('electron/main/index.ts', `import { app } from 'electron'; import '../core/create-core.ts';`)).toEqual([]);
  });

  it('fail a core file that imports the shell or the renderer', () => {
    expect(checkFile('electron/core/x.ts', `import '../main/window.ts';`)).toHaveLength(1);
    expect(checkFile('electron/core/x.ts', `import '../../renderer/src/App.tsx';`)).toHaveLength(1);
  });

  it('fail Node modules in the renderer and in shared/', () => {
    expect(checkFile('renderer/src/x.ts', `import { readFile } from 'node:fs';`)).toHaveLength(1);
    expect(checkFile('renderer/src/x.ts', `import path from 'path';`)).toHaveLength(1);
    expect(checkFile('renderer/src/x.ts', `import Database from 'better-sqlite3';`)).toHaveLength(1);
    expect(checkFile('shared/x.ts', `import { createHash } from 'node:crypto';`)).toHaveLength(1);
    expect(checkFile('renderer/src/x.ts', `import { ipcRenderer } from 'electron';`)).toHaveLength(1);
  });

  it('fail the renderer reaching into electron/ and shared/ reaching out', () => {
    expect(checkFile('renderer/src/x.ts', `import '../../electron/core/create-core.ts';`)).toHaveLength(1);
    expect(checkFile('shared/contract/x.ts', `import '../../renderer/src/api/client.ts';`)).toHaveLength(1);
    expect(checkFile('renderer/src/x.ts', `import '../../shared/contract/index.ts';`)).toEqual([]);
    expect(checkFile('renderer/src/x.ts', `import '../../package.json';`)).toHaveLength(1);
  });
});
