// `npm run bench`: speed as ratios against a baseline run in the same process (machines are noisy).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mm1Bare, mm1Callbacks, mm1Processes, type MM1Outcome } from './mm1.js';
import { mrpRunReport, timeMrpRun } from './mrp-run.js';
import { timeValidation, validationReport } from './validate-items.js';
import { chainReport, timeChain } from './chain.js';

interface Timing {
  name: string;
  seconds: number;
  outcome: MM1Outcome;
}

/** Best of `rounds` runs after one warm-up run, so JIT compilation is not what we measure. */
function time(name: string, run: () => MM1Outcome, rounds = 3): Timing {
  let outcome = run();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    outcome = run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { name, seconds: best, outcome };
}

const customers = 1_000_000;
const seed = 1;
const rows = [
  time('bare typed-array loop (baseline)', () => mm1Bare(customers, seed)),
  time('engine, callbacks', () => mm1Callbacks(customers, seed)),
  time('engine, processes + Resource', () => mm1Processes(customers, seed)),
];
const base = rows[0].seconds;
console.log(`M/M/1, rho = 0.8, ${customers.toLocaleString('en')} customers, best of 3 after a warm-up run\n`);
console.log('model                               customers/s   time      vs baseline   mean wait');
for (const row of rows) {
  const rate = Math.round(row.outcome.customers / row.seconds).toLocaleString('en');
  console.log(
    `${row.name.padEnd(34)}  ${rate.padStart(11)}   ${(row.seconds * 1000).toFixed(0).padStart(5)} ms  ${(row.seconds / base).toFixed(2).padStart(8)}x     ${row.outcome.meanWait.toFixed(3)}`,
  );
}

// The whole CLI, end to end (a fresh Node process: start-up, loading, simulation, JSON out).
const root = fileURLToPath(new URL('../../../', import.meta.url));
function cliSeconds(args: string[], rounds = 3): { seconds: number; stdout: string } {
  let best = Infinity;
  let stdout = '';
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['bin/sawtooth.js', ...args, '--quiet'], { cwd: root, encoding: 'utf8' });
    best = Math.min(best, (performance.now() - start) / 1000);
    if (child.status !== 0) throw new Error(`sawtooth ${args.join(' ')} failed: ${child.stderr}`);
    stdout = child.stdout;
  }
  return { seconds: best, stdout };
}

const mm1 = cliSeconds(['run', 'test/bench/mm1-scenario.yaml', '--json']);
const result = JSON.parse(mm1.stdout) as { time: { horizon: number }; strategies: { kpis: { throughput: { mean: number } } }[] };
const served = result.strategies[0].kpis.throughput.mean * result.time.horizon;
console.log(`\nThe CLI end to end (a fresh process each time, best of 3)\n`);
console.log(
  `sawtooth run test/bench/mm1-scenario.yaml (${Math.round(served).toLocaleString('en')} customers, 1 replication): ` +
    `${(mm1.seconds * 1000).toFixed(0)} ms, ${Math.round(served / mm1.seconds).toLocaleString('en')} customers/s, ` +
    `${(mm1.seconds / base).toFixed(2)}x the bare loop's time for 1M customers`,
);
const headline = cliSeconds(['run', 'scenarios/jit-eoq-batch.yaml']);
const serial = cliSeconds(['run', 'scenarios/jit-eoq-batch.yaml', '--workers', '1']);
console.log(
  `sawtooth run scenarios/jit-eoq-batch.yaml (3 strategies x 30 replications): ${(headline.seconds * 1000).toFixed(0)} ms (workers auto), ${(serial.seconds * 1000).toFixed(0)} ms (--workers 1)`,
);

// Loading must stay linear in the items; 100,000 items (`node dist/test/bench/validate-items.js`) takes minutes, so not here.
console.log(`\n${validationReport(timeValidation([1000, 10_000]))}`);

// One MRP planning run, 100 items x 26 buckets, and the 1,000 x 52 of a large plant (`node dist/test/bench/mrp-run.js`).
console.log(`\n${mrpRunReport([timeMrpRun(100, 26, true), timeMrpRun(1000, 52, false)])}`);

// A serial chain of 1, 10 and 50 stock points linked by transfers (`node dist/test/bench/chain.js`).
console.log(`\n${chainReport([timeChain(1, 100_000), timeChain(10, 100_000), timeChain(50, 20_000)])}`);
