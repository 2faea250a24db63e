// `npm run bench`: speed as ratios against a baseline run in the same process (machines are noisy).
import { mm1Bare, mm1Callbacks, mm1Processes, type MM1Outcome } from './mm1.js';

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
