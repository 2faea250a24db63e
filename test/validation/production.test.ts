import { describe, it } from 'vitest';
import type { PlantSpec } from '../../sim/model/index.js';
import { Case, expectDeterministic, expectStochastic, loadCase, per, type Metric } from './helpers.js';

// Production theory reproduced by the plant model (theory-cases.md PROD-01 .. PROD-07).
// Stochastic comparisons: see helpers.ts. A make-to-order item on a machine is a FIFO station whose
// customer wait is the cycle time CT and whose WIP is the jobs in the station.

const throughput =
  (machine: string): Metric =>
  (r, w) =>
    r.machines[machine].unitsProduced / w;
const share =
  (machine: string, key: 'utilization' | 'setupShare' | 'downShare' | 'starvedShare' | 'blockedShare'): Metric =>
  (r) =>
    r.machines[machine][key];

describe('a machine with random breakdowns (PROD-01: A = 0.75, te = 20 min, Hopp & Spearman 8.4.2)', () => {
  const scenario = loadCase('prod-01-breakdowns.yaml');
  const [m1u8, m2u8, m1u5, m2u5, m1sat, m2sat] = ['M1_u08', 'M2_u08', 'M1_u05', 'M2_u05', 'M1_saturated', 'M2_saturated'].map(
    (s) => new Case('PROD-01', scenario, s),
  );
  const queueTime: Metric = (r) => r.kpis.avgCustomerWait - 20;

  it('when saturated is up A = 75% of the time and down 25%', () => {
    for (const c of [m1sat, m2sat]) {
      expectStochastic(c, 'availability', share('hare', 'utilization'), 0.75, { rel: 0.005 });
      expectStochastic(c, 'fraction of time down', share('hare', 'downShare'), 0.25, { abs: 0.003 });
    }
  });

  it('when saturated takes te = t0/A = 20 min per job and makes 3 jobs per hour', () => {
    for (const c of [m1sat, m2sat]) {
      expectStochastic(c, 'te', (r, w) => w / r.machines.hare.unitsProduced, 20, { rel: 0.005 });
      expectStochastic(c, 'throughput per hour', (r, w) => (60 * r.machines.hare.unitsProduced) / w, 3, { rel: 0.005 });
    }
  });

  it('at u = 0.8 has CT = 310 min with long rare outages (ce^2 = 6.25) and 100 min with short frequent ones', () => {
    expectStochastic(m1u8, 'CT', per.wait, 310, { rel: 0.05 });
    expectStochastic(m1u8, 'CTq', queueTime, 290, { rel: 0.06 });
    expectStochastic(m1u8, 'WIP', per.wip, 12.4, { rel: 0.05 });
    expectStochastic(m2u8, 'CT', per.wait, 100, { rel: 0.015 });
    expectStochastic(m2u8, 'CTq', queueTime, 80, { rel: 0.02 });
    expectStochastic(m2u8, 'WIP', per.wip, 4, { rel: 0.015 });
  });

  it('at u = 0.5 has CT = 92.5 min (M1) and 40 min (M2)', () => {
    expectStochastic(m1u5, 'CT', per.wait, 92.5, { rel: 0.03 });
    expectStochastic(m1u5, 'CTq', queueTime, 72.5, { rel: 0.04 });
    expectStochastic(m2u5, 'CT', per.wait, 40, { rel: 0.015 });
    expectStochastic(m2u5, 'CTq', queueTime, 20, { rel: 0.02 });
  });
});

describe('random non-preemptive setups (PROD-02: te = 1.2 h, ce^2 = 0.4931, u = 0.8)', () => {
  const scenario = loadCase('prod-02-random-setups.yaml');
  const setups = new Case('PROD-02', scenario, 'withSetups');
  const none = new Case('PROD-02', scenario, 'withoutSetups');

  it('has the P-K cycle time CT = 4.7833 h, CTq = 3.5833 h and WIP = 3.1889', () => {
    expectStochastic(setups, 'CT', per.wait, 4.7833333, { rel: 0.02 });
    expectStochastic(setups, 'CTq', (r) => r.kpis.avgCustomerWait - 1.2, 3.5833333, { rel: 0.03 });
    expectStochastic(setups, 'WIP', per.wip, 3.1888889, { rel: 0.02 });
  });

  it('spends 13.33% of the time in setup and te = 1.2 h per job', () => {
    expectStochastic(setups, 'fraction of time in setup', share('press', 'setupShare'), 0.13333333, { rel: 0.01 });
    const te: Metric = (r, w) => ((r.machines.press.utilization + r.machines.press.setupShare) * w) / r.machines.press.unitsProduced;
    expectStochastic(setups, 'te', te, 1.2, { rel: 0.005 });
  });

  it('has CT = 2.25 h without setups for the same arrivals', () => {
    expectStochastic(none, 'CT', per.wait, 2.25, { rel: 0.02 });
  });
});

describe('serial batching with setups, split lots (PROD-03: k = 6, s = 5 h, t0 = 1 h, ra = 0.4/h)', () => {
  // The scenario format requires reorder points >= 0; the batch rule needs s = -6 (see the file).
  const releaseSixth = (plant: PlantSpec): void => {
    const policy = plant.items.part.policy;
    if (policy.type !== 'sQ') throw new Error('PROD-03 expects an sQ policy');
    plant.items.part.policy = { ...policy, reorderPoint: -6 };
  };
  const batching = new Case('PROD-03', loadCase('prod-03-serial-batching.yaml'), 'base', releaseSixth);

  it('has the exact split-lot cycle time 16.198 h (Kingman would say 17.27)', () => {
    expectStochastic(batching, 'CT split', per.wait, 16.19774, { rel: 0.005 });
  });

  it('keeps the machine busy or in setup u = 73.33% of the time', () => {
    const u: Metric = (r) => r.machines.oven.utilization + r.machines.oven.setupShare;
    expectStochastic(batching, 'u', u, 0.73333333, { rel: 0.005 });
  });
});

describe('two exponential machines with a finite buffer (PROD-04, blocking after service)', () => {
  const scenario = loadCase('prod-04-two-machine-buffer.yaml');
  const line = Object.fromEntries(scenario.strategies.map((s) => [s, new Case('PROD-04', scenario, s)]));

  it('with equal rates makes TH = (B+2)/(B+3): 0.75 (B = 1), 0.8 (B = 2), 0.875 (B = 5)', () => {
    expectStochastic(line.B1, 'TH', throughput('m2'), 0.75, { rel: 0.005 });
    expectStochastic(line.B2, 'TH', throughput('m2'), 0.8, { rel: 0.005 });
    expectStochastic(line.B5, 'TH', throughput('m2'), 0.875, { rel: 0.005 });
  });

  it('makes TH = 0.87815 with rates (1, 1.25) or (1.25, 1) and B = 2 (reversibility)', () => {
    expectStochastic(line.B2_fastM2, 'TH', throughput('m2'), 0.87815326, { rel: 0.005 });
    expectStochastic(line.B2_fastM1, 'TH', throughput('m2'), 0.87815326, { rel: 0.005 });
  });

  it('with rates (1, 1.25) and B = 2 starves m2 29.75% and blocks m1 12.18% of the time', () => {
    expectStochastic(line.B2_fastM2, 'P(m2 starved)', share('m2', 'starvedShare'), 0.29747739, { abs: 0.005 });
    expectStochastic(line.B2_fastM2, 'P(m1 blocked)', share('m1', 'blockedShare'), 0.12184674, { abs: 0.005 });
  });
});

describe('a CONWIP line (PROD-05: Penny Fab One and an unbalanced line, Hopp & Spearman 7.3)', () => {
  // The scenario format rejects BOM cycles; the loop is closed on the built plant (see the files).
  const closeLoop = (plant: PlantSpec): void => {
    plant.items.s1.make!.bom = { done: 1 };
  };
  const penny = loadCase('prod-05-conwip-penny-fab.yaml');
  const mva = loadCase('prod-05-conwip-mva.yaml');
  const pwc = (w: number): Case => new Case('PROD-05', penny, `PWC_w${w}`, closeLoop);
  const best = (w: number): Case => new Case('PROD-05', penny, `best_w${w}`, closeLoop);
  const unbalanced = (w: number): Case => new Case('PROD-05', mva, `w${w}`, closeLoop);
  const cycleTime =
    (w: number, machine: string): Metric =>
    (r, window) =>
      w / (r.machines[machine].unitsProduced / window);

  it('best case (constant times) has TH = min(w/T0, rb) and CT = max(T0, w/rb) exactly', () => {
    const expected: [number, number, number][] = [
      [1, 0.125, 8],
      [2, 0.25, 8],
      [4, 0.5, 8],
      [10, 0.5, 20],
    ];
    for (const [w, th, ct] of expected) {
      const c = best(w);
      expectDeterministic(c, 'TH', throughput('m4')(c.run, c.window), th, { rel: 1e-9 });
      expectDeterministic(c, 'CT', cycleTime(w, 'm4')(c.run, c.window), ct, { rel: 1e-9 });
    }
  });

  it('practical worst case (exponential, balanced) has TH = w/(W0 + w - 1) rb', () => {
    const expected: [number, number][] = [
      [1, 0.125],
      [2, 0.2],
      [4, 0.28571429],
      [6, 0.33333333],
      [10, 0.38461538],
    ];
    for (const [w, th] of expected) expectStochastic(pwc(w), 'TH', throughput('m4'), th, { rel: 0.01 });
  });

  it('practical worst case has CT = T0 + (w - 1)/rb: 14 h at w = 4 and 26 h at w = 10', () => {
    expectStochastic(pwc(4), 'CT', cycleTime(4, 'm4'), 14, { rel: 0.01 });
    expectStochastic(pwc(10), 'CT', cycleTime(10, 'm4'), 26, { rel: 0.01 });
  });

  it('unbalanced exponential stations (1, 1.5, 2 h) have the MVA throughput 0.22222, 0.38596, 0.44521, 0.48886', () => {
    const expected: [number, number][] = [
      [1, 0.22222222],
      [3, 0.38596491],
      [5, 0.44521338],
      [10, 0.48886027],
    ];
    for (const [w, th] of expected) expectStochastic(unbalanced(w), 'TH', throughput('m3'), th, { rel: 0.01 });
  });

  it('at w = 5 the unbalanced line has CT = 11.231 h and station WIP 0.73455, 1.4953, 2.7701', () => {
    const c = unbalanced(5);
    expectStochastic(c, 'CT', cycleTime(5, 'm3'), 11.23057, { rel: 0.01 });
    // WIP at a station: the jobs waiting for it in its input stock plus the one it is working on.
    expectStochastic(c, 'WIP station 1', (r) => r.items.done.avgOnHand + r.machines.m1.utilization, 0.73455264, { rel: 0.01 });
    expectStochastic(c, 'WIP station 2', (r) => r.items.s1.avgOnHand + r.machines.m2.utilization, 1.495304, { rel: 0.01 });
    expectStochastic(c, 'WIP station 3', (r) => r.items.s2.avgOnHand + r.machines.m3.utilization, 2.7701434, { rel: 0.01 });
  });
});

describe('machine repair with a repairperson per machine (PROD-07, MachRep1)', () => {
  const machrep = new Case('PROD-07', loadCase('prod-07-machrep1.yaml'), 'base');

  it('keeps each machine up 2/3 of the time', () => {
    expectStochastic(machrep, 'up fraction per machine', share('pair', 'utilization'), 2 / 3, { abs: 0.005 });
  });
});

describe('a machine on a shift calendar (PROD-08: open 40 of 168 hours, λ·E[S] = 0.15)', () => {
  const shifts = new Case('PROD-08', loadCase('prod-08-shift-calendar.yaml'), 'base');

  it('is open 40/168 = 0.2381 of the time and busy λ·E[S]/0.2381 = 0.63 of its open time', () => {
    // The same in every replication (the window is whole weeks): the one farthest from the target is checked.
    const open = shifts.values((r) => r.machines.press.openShare).sort((a, b) => Math.abs(b - 40 / 168) - Math.abs(a - 40 / 168))[0];
    expectDeterministic(shifts, 'open share in every replication', open, 40 / 168, { abs: 1e-9 });
    expectStochastic(shifts, 'utilization of open time', share('press', 'utilization'), 0.15 / (40 / 168), { rel: 0.01 });
  });
});
