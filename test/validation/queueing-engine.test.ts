import { describe, expect, it } from 'vitest';
import { constant, exponential, gamma, uniform } from '../../sim/random/index.js';
import { summarize } from '../../sim/stats/index.js';
import { runQueueNetwork, type NetworkOptions, type NetworkResult } from '../models/queue-network.js';

// Queueing theory reproduced by models written on the engine's public API (theory-cases ).
// Independent replications with fixed seeds: the 95% t interval must contain the target AND the
// point estimate must sit within the catalogue's relative tolerance.

function replicate(reps: number, options: Omit<NetworkOptions, 'seed'>): NetworkResult[] {
  return Array.from({ length: reps }, (_, k) => runQueueNetwork({ ...options, seed: 1000 + k }));
}

function expectMatches(values: number[], target: number, relTolerance: number): void {
  const { mean, ci95 } = summarize(values);
  expect(Math.abs(mean - target) / target, `mean ${mean} vs ${target}`).toBeLessThan(relTolerance);
  expect(ci95[0], `95% CI [${ci95}] should contain ${target}`).toBeLessThanOrEqual(target);
  expect(ci95[1], `95% CI [${ci95}] should contain ${target}`).toBeGreaterThanOrEqual(target);
}

describe('M/M/1 on the engine (Q-01: λ=0.8, μ=1)', () => {
  const runs = replicate(20, {
    interarrival: exponential(1 / 0.8),
    stations: [{ servers: 1, service: exponential(1) }],
    customers: 100_000,
    warmupCustomers: 10_000,
  });

  it('has mean wait in queue Wq = 4 and mean time in system W = 5', () => {
    expectMatches(
      runs.map((r) => r.waits[0]),
      4,
      0.03,
    );
    expectMatches(
      runs.map((r) => r.sojourn),
      5,
      0.03,
    );
  });

  it('has time-average number in system L = 4', () => {
    expectMatches(
      runs.map((r) => r.inSystem),
      4,
      0.03,
    );
  });

  it("satisfies Little's law L = λW on every sample path (Q-06)", () => {
    for (const run of runs) expect(run.inSystem / (run.arrivalRate * run.sojourn)).toBeCloseTo(1, 2);
  });

  it('gives identical results twice for one seed', () => {
    const options = { interarrival: exponential(1.25), stations: [{ servers: 1, service: exponential(1) }], customers: 5000, warmupCustomers: 0, seed: 7 };
    expect(runQueueNetwork(options)).toEqual(runQueueNetwork(options));
    expect(runQueueNetwork({ ...options, seed: 8 })).not.toEqual(runQueueNetwork(options));
  });
});

describe('M/M/c on the engine (Q-02: λ=2.4, μ=1, c=3)', () => {
  const runs = replicate(20, {
    interarrival: exponential(1 / 2.4),
    stations: [{ servers: 3, service: exponential(1) }],
    customers: 100_000,
    warmupCustomers: 10_000,
  });

  it('has the Erlang C wait Wq = 1.0787', () => {
    expectMatches(
      runs.map((r) => r.waits[0]),
      1.078651685,
      0.04,
    );
  });

  it('makes a share C = 0.6472 of customers wait', () => {
    const { mean } = summarize(runs.map((r) => r.waitedShare));
    expect(Math.abs(mean - 0.6471910112)).toBeLessThan(0.01);
  });
});

describe('M/G/1 on the engine (Q-03: λ=0.8, E[S]=1, Pollaczek–Khinchine)', () => {
  const base = { interarrival: exponential(1.25), customers: 100_000, warmupCustomers: 10_000 };

  it('M/D/1 has Wq = 2', () => {
    const runs = replicate(20, { ...base, stations: [{ servers: 1, service: constant(1) }] });
    expectMatches(
      runs.map((r) => r.waits[0]),
      2,
      0.02,
    );
  });

  it('M/U/1 with uniform(0, 2) service has Wq = 2.6667', () => {
    const runs = replicate(20, { ...base, stations: [{ servers: 1, service: uniform(0, 2) }] });
    expectMatches(
      runs.map((r) => r.waits[0]),
      2.666666667,
      0.025,
    );
  });

  it('M/G/1 with gamma service of SCV 2 has Wq = 6', () => {
    const runs = replicate(20, { ...base, stations: [{ servers: 1, service: gamma(1, Math.SQRT2) }] });
    expectMatches(
      runs.map((r) => r.waits[0]),
      6,
      0.04,
    );
  });
});

describe('a tandem line of M/M/1 stations on the engine (Q-07: λ=1, μ=1.25, 2, 1.5)', () => {
  const runs = replicate(20, {
    interarrival: exponential(1),
    stations: [1.25, 2, 1.5].map((mu) => ({ servers: 1, service: exponential(1 / mu) })),
    customers: 100_000,
    warmupCustomers: 10_000,
  });

  it('has total time in system W = 4 + 1 + 2 = 7 (Jackson network)', () => {
    expectMatches(
      runs.map((r) => r.sojourn),
      7,
      0.02,
    );
  });

  it('has per-station waits in queue 3.2, 0.5 and 1.3333', () => {
    expectMatches(
      runs.map((r) => r.waits[0]),
      3.2,
      0.03,
    );
    expectMatches(
      runs.map((r) => r.waits[1]),
      0.5,
      0.03,
    );
    expectMatches(
      runs.map((r) => r.waits[2]),
      4 / 3,
      0.03,
    );
  });
});
