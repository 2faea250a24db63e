/**
 * Master seed of replication k. Every strategy uses the same one in replication k, so the
 * named streams give all strategies the same demand, lead times and failures (common random numbers).
 */
export function replicationSeed(seed: number | string, replication: number): string {
  return `${seed}#${replication}`;
}
