import { defineConfig } from 'vitest/config';

// Three projects, as the test folders are laid out: unit (pure logic, and the layer rule),
// integration (real bytes: the store on disk, the WebSocket server, the CLI as a process) and
// e2e (the built renderer in Debian's Chromium over the WebSocket transport). Each vendor's own
// tests sit together under test/vendors/<vendor>/{unit,integration}, picked by the same split.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/vendors/*/unit/**/*.test.ts', 'test/architecture/**/*.test.ts'],
          environment: 'node',
          // Pure logic: the files share their workers' imported modules instead of importing
          // them again per file (imports were 63% of the project's time). No unit test mocks
          // modules or stubs globals; the two with fake timers restore real ones after each test.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/vendors/*/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A browser test that fails is run once more before it counts: on a 2-core CI machine the
          // unit and integration half runs beside this one, and a wait for a row, a toast or a
          // socket can miss its 20 s under that load. A test that is wrong fails both times; the
          // reporter marks a test that passed on its second try.
          retry: 1,
          // One worker for every e2e file, its modules (playwright-core, the simulators, the test
          // support) imported once rather than once per file: about 4.5 s of each file's 12 s went
          // to a fresh worker importing them. Each file still starts its own web server, Chromium
          // and simulators on its own data folder, and nothing in test/e2e, test/support or
          // test/simulators keeps state between files (no mocks, no globals, no env changes).
          isolate: false,
          // Its own group: with isolate off it would otherwise join unit and integration's group,
          // which vitest refuses where their maxWorkers is not 1 (a machine with more than 2 cores).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
