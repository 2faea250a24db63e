import { configDefaults, defineConfig } from 'vitest/config';

/** What every project runs with (the whole suite did before it was split). */
const shared = { testTimeout: 60_000, hookTimeout: 120_000 };

/**
 * Test files under test/unit/ that are not fast unit tests, so they run with the integration tests:
 * the CLI's (whole commands over real files, worker threads), those that start the worker-thread
 * pool (it runs the build in dist/), the README's examples, and files that take over ~2 s.
 */
const NOT_UNIT = [
  'test/unit/cli/**/*.test.ts',
  'test/unit/readme.test.ts',
  // The worker-thread pool.
  'test/unit/experiment/experiment.test.ts',
  'test/unit/experiment/streaming.test.ts',
  // Over ~2 s on their own (property runs over whole experiments and drawn charts).
  'test/unit/ui/chart-names.test.ts',
  'test/unit/ui/link-fuzz.test.ts',
];

export default defineConfig({
  test: {
    // Rebuilds dist/ (which the worker threads run) when a source under sim/ is newer; runs once per `vitest run`.
    globalSetup: ['test/setup/build-sim.ts'],
    // `vitest run --project unit` (seconds), `--project integration`, `--project e2e` (a browser);
    // plain `vitest run` runs all three. Every test file belongs to exactly one.
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...NOT_UNIT],
          // Files share their workers' module graph instead of importing sim/ afresh each (~20 s
          // instead of ~80 s on 2 busy cores). A unit test must therefore undo what it changes
          // outside itself: spies (vi.restoreAllMocks), globals, module state.
          isolate: false,
        },
      },
      {
        // Everything else outside the browser tests: property, scenarios, validation and any new folder.
        test: { ...shared, name: 'integration', include: [...NOT_UNIT, 'test/!(unit|e2e)/**/*.test.ts', 'test/*.test.ts'] },
      },
      {
        test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'] },
      },
    ],
  },
});
