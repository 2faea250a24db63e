import { describe, expect, it } from 'vitest';
import { Case, expectApproximation, expectStochastic, loadCase, per, type Metric } from './helpers.js';

// Queueing theory reproduced by the plant model (theory-cases.md Q-01 .. Q-06): a make-to-order
// item on a machine is a FIFO queue whose customer wait is the time in system W and whose WIP is
// the number in system L. W - E[S] estimates Wq and L - (busy servers) estimates Lq. The engine's
// own queueing validation (Q-07 tandem included) is in queueing-engine.test.ts.

const utilization =
  (machine: string): Metric =>
  (r) =>
    r.machines[machine].utilization;
/** W − 1: every case here has mean service time 1. */
const waitInQueue: Metric = (r) => r.kpis.avgCustomerWait - 1;
/** L − busy servers (utilization × servers). */
const queueLength =
  (machine: string, servers: number): Metric =>
  (r) =>
    r.kpis.wip - servers * r.machines[machine].utilization;

describe('M/M/1 through the plant model (Q-01: lambda = 0.8, mu = 1)', () => {
  const mm1 = new Case('Q-01', loadCase('q-01-mm1.yaml'), 'base');

  it('keeps the server busy rho = 80% of the time and idle P0 = 20%', () => {
    expectStochastic(mm1, 'utilization', utilization('server'), 0.8, { rel: 0.005 });
    expectStochastic(mm1, 'P0', (r) => r.machines.server.idleShare, 0.2, { abs: 0.005 });
  });

  it('has time in system W = 5 and wait in queue Wq = 4', () => {
    expectStochastic(mm1, 'W', per.wait, 5, { rel: 0.03 });
    expectStochastic(mm1, 'Wq', waitInQueue, 4, { rel: 0.03 });
  });

  it('has L = 4 in the system and Lq = 3.2 in the queue', () => {
    expectStochastic(mm1, 'L', per.wip, 4, { rel: 0.03 });
    expectStochastic(mm1, 'Lq', queueLength('server', 1), 3.2, { rel: 0.03 });
  });

  // The time in system of M/M/1 (FIFO) is exponential with rate mu − lambda = 0.2, so its p-quantile is −ln(1 − p) / 0.2.
  it('has delivery-time percentiles W90 = ln(10) / 0.2 = 11.51 and W95 = ln(20) / 0.2 = 14.98', () => {
    expectStochastic(mm1, 'W90', (r) => r.items.job.customerWaitP90, Math.log(10) / 0.2, { rel: 0.03 });
    expectStochastic(mm1, 'W95', (r) => r.items.job.customerWaitP95, Math.log(20) / 0.2, { rel: 0.03 });
  });

  it("satisfies Little's law L = lambda W on every replication (Q-06)", () => {
    for (const r of mm1.runs()) expect(Math.abs(r.kpis.wip / (r.kpis.throughput * r.kpis.avgCustomerWait) - 1)).toBeLessThan(0.005);
  });
});

describe('M/M/3 through the plant model (Q-02: lambda = 2.4, mu = 1, c = 3)', () => {
  const mmc = new Case('Q-02', loadCase('q-02-mmc.yaml'), 'base');

  it('keeps each server busy 80% of the time', () => {
    expectStochastic(mmc, 'utilization', utilization('servers'), 0.8, { rel: 0.005 });
  });

  it('has the Erlang C waits Wq = 1.0787 and W = 2.0787', () => {
    expectStochastic(mmc, 'Wq', waitInQueue, 1.0786517, { rel: 0.04 });
    expectStochastic(mmc, 'W', per.wait, 2.0786517, { rel: 0.04 });
  });

  it('has L = 4.9888 in the system and Lq = 2.5888 in the queue', () => {
    expectStochastic(mmc, 'L', per.wip, 4.988764, { rel: 0.04 });
    expectStochastic(mmc, 'Lq', queueLength('servers', 3), 2.588764, { rel: 0.04 });
  });
});

describe('M/G/1 through the plant model (Q-03: lambda = 0.8, E[S] = 1, Pollaczek-Khinchine)', () => {
  const scenario = loadCase('q-03-mg1.yaml');
  const md1 = new Case('Q-03', scenario, 'MD1');
  const mu1 = new Case('Q-03', scenario, 'MU1');
  const gamma = new Case('Q-03', scenario, 'MG1gamma');

  it('M/D/1 has Wq = 2, W = 3, Lq = 1.6 and L = 2.4', () => {
    expectStochastic(md1, 'Wq', waitInQueue, 2, { rel: 0.02 });
    expectStochastic(md1, 'W', per.wait, 3, { rel: 0.015 });
    expectStochastic(md1, 'Lq', queueLength('server', 1), 1.6, { rel: 0.025 });
    expectStochastic(md1, 'L', per.wip, 2.4, { rel: 0.015 });
  });

  it('M/U/1 with uniform(0, 2) service has Wq = 2.6667 and L = 2.9333', () => {
    expectStochastic(mu1, 'Wq', waitInQueue, 2.6666667, { rel: 0.025 });
    expectStochastic(mu1, 'L', per.wip, 2.9333333, { rel: 0.02 });
  });

  it('M/G/1 with gamma service of SCV 2 has Wq = 6, W = 7 and L = 5.6', () => {
    expectStochastic(gamma, 'Wq', waitInQueue, 6, { rel: 0.04 });
    expectStochastic(gamma, 'W', per.wait, 7, { rel: 0.035 });
    expectStochastic(gamma, 'L', per.wip, 5.6, { rel: 0.035 });
  });
});

describe('GI/M/1 through the plant model (Q-04: arrival rate 0.8, mu = 1)', () => {
  const scenario = loadCase('q-04-gim1.yaml');
  const e2 = new Case('Q-04', scenario, 'E2M1');
  const d = new Case('Q-04', scenario, 'DM1');

  it('E2/M/1 has the exact Wq = 2.8440 and W = 3.8440 (Kingman would say 3.0)', () => {
    expectStochastic(e2, 'Wq', waitInQueue, 2.8439798, { rel: 0.025 });
    expectStochastic(e2, 'W', per.wait, 3.8439798, { rel: 0.025 });
  });

  it('D/M/1 has the exact Wq = 1.6927 and W = 2.6927 (Kingman would say 2.0)', () => {
    expectStochastic(d, 'Wq', waitInQueue, 1.6927308, { rel: 0.025 });
    expectStochastic(d, 'W', per.wait, 2.6927308, { rel: 0.025 });
  });
});

describe('E2/G/1 against Kingman (Q-05: ca^2 = 0.5, ce^2 = 2, u = 0.8)', () => {
  const gg1 = new Case('Q-05', loadCase('q-05-kingman-gg1.yaml'), 'base');

  it('has the exact reference Wq = 4.818 and W = 5.818', () => {
    expectStochastic(gg1, 'Wq', waitInQueue, 4.818, { rel: 0.03 });
    expectStochastic(gg1, 'W', per.wait, 5.818, { rel: 0.025 });
  });

  it("lies within 10% of Kingman's approximation Wq = 5.0 (the exact value is 3.8% below it)", () => {
    expectApproximation(gg1, 'Wq vs Kingman', waitInQueue, 5, { rel: 0.1 });
  });
});
