// `npm run bench`: speed as ratios against a baseline run in the same process (machines are noisy).
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mm1Bare, mm1Callbacks, mm1Plant, mm1Processes, type MM1Outcome } from './mm1.js';
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

const root = fileURLToPath(new URL('../../../', import.meta.url));
const customers = 1_000_000;
const seed = 1;
const rows = [
  time('bare typed-array loop (baseline)', () => mm1Bare(customers, seed)),
  time('engine, callbacks', () => mm1Callbacks(customers, seed)),
  time('engine, processes + Resource', () => mm1Processes(customers, seed)),
  time('plant model (mm1-scenario.yaml)', mm1Plant(`${root}test/bench/mm1-scenario.yaml`)),
];
// Per customer: the plant model serves the customers of its horizon, about 998,000 of the million.
const perCustomer = (row: Timing): number => row.seconds / row.outcome.customers;
const base = perCustomer(rows[0]);
console.log(`M/M/1, rho = 0.8, ${customers.toLocaleString('en')} customers, best of 3 after a warm-up run\n`);
console.log('model                               customers/s   time      vs baseline   mean wait');
for (const row of rows) {
  const rate = Math.round(row.outcome.customers / row.seconds).toLocaleString('en');
  console.log(
    `${row.name.padEnd(34)}  ${rate.padStart(11)}   ${(row.seconds * 1000).toFixed(0).padStart(5)} ms  ${(perCustomer(row) / base).toFixed(2).padStart(8)}x     ${row.outcome.meanWait.toFixed(3)}`,
  );
}
console.log('(mean wait: in queue, Wq = 4; the plant model reports the time in system, W = 5)');

// The whole CLI, end to end (a fresh Node process: start-up, loading, simulation, JSON out).
function seconds(command: string, args: string[]): number {
  const start = performance.now();
  const child = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const elapsed = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
  return elapsed;
}
/** Best of `rounds`, the commands taking turns, so that a busy spell of the machine hits both. */
function bestOf(commands: [string, string[]][], rounds = 3): number[] {
  const best = commands.map(() => Infinity);
  for (let r = 0; r < rounds; r++) commands.forEach(([command, args], i) => (best[i] = Math.min(best[i], seconds(command, args))));
  return best;
}
const sawtooth = (...args: string[]): [string, string[]] => [process.execPath, ['bin/sawtooth.js', ...args, '--quiet']];
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;

console.log(`\nThe CLI end to end (a fresh process each time, best of 3 or 5)\n`);
const [bareNode, version] = bestOf(
  [
    [process.execPath, ['-e', '']],
    [process.execPath, ['bin/sawtooth.js', '--version']],
  ],
  5,
);
console.log(`sawtooth --version: ${ms(version)}, ${(version / bareNode).toFixed(2)}x node -e '' (${ms(bareNode)})`);

function served(args: string[]): { customers: number; stdout: string } {
  const child = spawnSync(process.execPath, ['bin/sawtooth.js', ...args, '--quiet'], { cwd: root, encoding: 'utf8' });
  const result = JSON.parse(child.stdout) as { time: { horizon: number }; strategies: { kpis: { throughput: { mean: number } } }[] };
  return { customers: Math.round(result.strategies[0].kpis.throughput.mean * result.time.horizon), stdout: child.stdout };
}
const mm1Run = ['run', 'test/bench/mm1-scenario.yaml', '--json'];
const [mm1] = bestOf([sawtooth(...mm1Run)]);
const mm1Customers = served(mm1Run).customers;
console.log(
  `sawtooth run test/bench/mm1-scenario.yaml --json (rho = 0.8, ${mm1Customers.toLocaleString('en')} customers, 1 replication): ` +
    `${ms(mm1)}, ${Math.round(mm1Customers / mm1).toLocaleString('en')} customers/s, ${(mm1 / rows[0].seconds).toFixed(2)}x the bare loop's time for 1M customers`,
);

// Against SimPy's event loop, when a Python with simpy is here (Debian: apt-get install python3-simpy3).
const heavy = ['run', 'test/bench/mm1-rho-0.9.yaml', '--json'];
const [cli09] = bestOf([sawtooth(...heavy)]);
const heavyCustomers = served(heavy).customers;
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import simpy'], { encoding: 'utf8' }).status === 0);
const simpy =
  python === undefined
    ? null
    : (JSON.parse(spawnSync(python, ['test/bench/mm1_simpy.py', String(customers), '0.9', '1'], { cwd: root, encoding: 'utf8' }).stdout) as {
        seconds: number;
      });
const against =
  simpy === null
    ? `SimPy not found (no python3 with simpy): ${(cli09 / rows[0].seconds).toFixed(2)}x the bare loop's time for 1M customers at rho = 0.8`
    : `SimPy's event loop (test/bench/mm1_simpy.py, 1M customers) ${simpy.seconds.toFixed(2)} s: ${(simpy.seconds / cli09).toFixed(1)}x faster`;
console.log(`sawtooth run test/bench/mm1-rho-0.9.yaml --json (rho = 0.9, ${heavyCustomers.toLocaleString('en')} customers): ${ms(cli09)}; ${against}`);

// --workers auto against one thread: never slower on short work, faster on long work (where the cores are free).
console.log(`\n--workers auto against one thread (${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)} before these runs)`);
for (const args of [
  ['run', 'scenarios/jit-eoq-batch.yaml'],
  ['sweep', 'scenarios/eoq-cost-curve.yaml', '--vary', 'items.bearing.policy.quantity=50:800:50', '--kpi', 'totalCost'],
  ['run', 'test/bench/mm1-scenario.yaml', '--json', '--reps', '20'],
]) {
  // Two threads forced, for what they would give (or cost) here and now.
  const [auto, one, two] = bestOf([sawtooth(...args, '--workers', 'auto'), sawtooth(...args, '--workers', '1'), sawtooth(...args, '--workers', '2')], 5);
  console.log(
    `sawtooth ${args.join(' ')}: ${ms(auto)} (workers auto), ${ms(one)} (--workers 1): ${(auto / one).toFixed(2)}x; --workers 2 ${(two / one).toFixed(2)}x`,
  );
}

// Loading must stay linear in the items; 100,000 items (`node dist/test/bench/validate-items.js`) takes minutes, so not here.
console.log(`\n${validationReport(timeValidation([1000, 10_000]))}`);

// One MRP planning run, 100 items x 26 buckets, and the 1,000 x 52 of a large plant (`node dist/test/bench/mrp-run.js`).
console.log(`\n${mrpRunReport([timeMrpRun(100, 26, true), timeMrpRun(1000, 52, false)])}`);

// A serial chain of 1, 10 and 50 stock points linked by transfers (`node dist/test/bench/chain.js`).
console.log(`\n${chainReport([timeChain(1, 100_000), timeChain(10, 100_000), timeChain(50, 20_000)])}`);
