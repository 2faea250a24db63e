// @ts-check
// The `sawtooth` command as a bundle, built by `npm run build:sim` after tsc: Node then reads a few
// files instead of about 1,400 (the t quantile from @stdlib alone was 410), and each command's
// modules only when that command runs (sim/cli/main.ts imports them on demand). It is bundled from
// tsc's output in dist/sim, so it runs exactly the code tsc compiled. Worker threads load
// dist/cli/pool-worker.js, beside the chunk that starts them (sim/experiment/pool.ts); piscina
// stays a package, as it starts its own worker file from its folder.
import { defineConfig } from 'rolldown';

// Packages keep their side effects. Our modules have none at the top level (they declare), so a
// module none of whose exports a command uses is left out: a run does not load the fitting
// (stats/fit, @stdlib's kstest) that the report index also exports.
const packageFile = /[\\/]node_modules[\\/]/;

export default defineConfig({
  input: { sawtooth: 'dist/sim/cli/main.js', 'pool-worker': 'dist/sim/experiment/pool-worker.js' },
  platform: 'node',
  external: ['piscina'],
  logLevel: 'warn',
  treeshake: { moduleSideEffects: (id) => packageFile.test(id) },
  output: {
    dir: 'dist/cli',
    cleanDir: true,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
});
